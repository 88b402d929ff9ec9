/**
 * The options page: sources (per article and per outlet), sites where Dramatis is off, appearance,
 * and the settings file (export, import, reset). Every change is saved at once through the settings
 * store; open tabs follow through its watch, without a reload. The page follows changes of the packs
 * made elsewhere the same way (components/use-knowledge-changes.ts).
 */
import { useState } from 'preact/hooks';
import { useKnowledge } from '../../components/use-knowledge';
import { useKnowledgeChanges } from '../../components/use-knowledge-changes';
import { useSettings } from '../../components/use-settings';
import { BUNDLED_KNOWLEDGE } from '../../data/bundle';
import { useDocumentTheme, useResolvedTheme } from '../../components/use-theme';
import { getPersonName } from '../../data/matcher-index';
import { AppearanceSection } from './AppearanceSection';
import { CorrectionsSection } from './CorrectionsSection';
import { PacksSection } from './PacksSection';
import { PeopleSection } from './PeopleSection';
import { SettingsFileSection } from './SettingsFileSection';
import { SitesSection } from './SitesSection';
import { SourcesSection } from './SourcesSection';

/** The options page. */
export function App() {
  const settings = useSettings();
  // Read again each time the packs are: a pack saved, imported, removed or switched changes the sources.
  const [packsRead, setPacksRead] = useState(0);
  const knowledge = useKnowledge(packsRead) ?? BUNDLED_KNOWLEDGE;
  // A change made elsewhere (an article saved in another tab, a person added from a card) is announced
  // by the background: Packs and People read it again, and Sources with them (through onRead).
  const changes = useKnowledgeChanges();
  useDocumentTheme(useResolvedTheme(settings?.theme));
  return (
    <div class="op">
      <header class="op-header">
        <h1 class="op-title">Dramatis options</h1>
        <p class="op-lede">
          Changes are saved as you make them and apply at once in tabs that are already open.
        </p>
        <nav aria-label="Sections" class="op-nav">
          <a href="#packs">Packs</a>
          <a href="#people">People</a>
          <a href="#corrections">Corrections</a>
          <a href="#sources">Sources</a>
          <a href="#sites">Sites</a>
          <a href="#appearance">Appearance</a>
          <a href="#settings-file">Settings file</a>
        </nav>
      </header>
      <main class="op-main" aria-busy={settings ? 'false' : 'true'}>
        {settings ? (
          <>
            <PacksSection changes={changes} onRead={() => setPacksRead((n) => n + 1)} />
            <PeopleSection changes={changes} />
            <CorrectionsSection
              settings={settings}
              nameOf={(id) => knowledge.people.find((p) => p.id === id)?.name ?? getPersonName(id)}
            />
            <SourcesSection settings={settings} knowledge={knowledge} />
            <SitesSection settings={settings} />
            <AppearanceSection settings={settings} />
            <SettingsFileSection settings={settings} knowledge={knowledge} />
          </>
        ) : (
          <p class="op-muted">Loading your settings…</p>
        )}
      </main>
    </div>
  );
}
