/**
 * Options › Settings file: export the settings as JSON, import such a file (refused whole, with the
 * reason, when anything in it is wrong: the current settings stay as they are), reset to defaults.
 */
import { useState } from 'preact/hooks';
import type { KnownSources, Settings } from '../../core/settings';
import {
  MAX_SETTINGS_FILE_BYTES,
  parseSettingsFile,
  serializeSettings,
  settingsFileName,
} from '../../core/settings-file';
import type { CardKnowledge } from '../../core/card-data';
import { downloadFile } from '../../components/download-file';
import { FileImportButton } from '../../components/FileImportButton';
import { replaceSettings, resetSettings } from '../../platform/settings-store';
import { StatusLines, type SectionMessage } from './StatusLines';

/** The sources and outlets a settings file may turn off: those of every pack turned on. */
function listKnown({ sources }: CardKnowledge): KnownSources {
  return {
    sourceIds: sources.map((s) => s.id),
    outlets: [...new Set(sources.flatMap((s) => (s.outlet.name === null ? [] : [s.outlet.name])))],
  };
}

/** The settings-file section. */
export function SettingsFileSection({
  settings,
  knowledge,
}: {
  settings: Settings;
  knowledge: CardKnowledge;
}) {
  const [message, setMessage] = useState<SectionMessage>();
  const [isConfirmingReset, setConfirmingReset] = useState(false);

  const exportFile = () => {
    const name = settingsFileName();
    downloadFile(serializeSettings(settings), name);
    setMessage({ kind: 'ok', text: `Saved your settings as ${name}.` });
  };

  const refuse = (file: File, why: string) =>
    setMessage({
      kind: 'error',
      text: `Could not import “${file.name}”: ${why} Your settings are unchanged.`,
    });

  const importFile = async (file: File, text: string) => {
    const parsed = parseSettingsFile(text, listKnown(knowledge));
    if (!parsed.ok) {
      refuse(file, parsed.error);
      return;
    }
    await replaceSettings(parsed.settings);
    setMessage({ kind: 'ok', text: `Imported the settings from “${file.name}”.` });
  };

  const reset = async () => {
    setConfirmingReset(false);
    await resetSettings();
    setMessage({ kind: 'ok', text: 'All settings are back to their defaults.' });
    requestAnimationFrame(() => document.getElementById('reset-button')?.focus());
  };

  return (
    <section class="op-section" id="settings-file" aria-labelledby="settings-file-title">
      <h2 id="settings-file-title" class="op-section-title">
        Settings file
      </h2>
      <p class="op-muted">
        Move your settings to another browser: export them as a JSON file, then import that file there.
      </p>
      <div class="op-row op-actions">
        <button type="button" class="ui-button" id="export-button" onClick={exportFile}>
          Export settings
        </button>
        <FileImportButton
          id="import-button"
          inputId="import-file"
          label="Import settings…"
          maxBytes={MAX_SETTINGS_FILE_BYTES}
          onText={importFile}
          onRefuse={(file, reason) =>
            refuse(
              file,
              reason === 'too-large'
                ? `The file is too large to be Dramatis settings (${Math.round(file.size / 1024)} kB).`
                : 'The file could not be read.',
            )
          }
        />
        {isConfirmingReset ? null : (
          <button
            type="button"
            class="ui-button is-danger"
            id="reset-button"
            onClick={() => {
              setConfirmingReset(true);
              requestAnimationFrame(() => document.getElementById('reset-confirm')?.focus());
            }}
          >
            Reset to defaults…
          </button>
        )}
      </div>
      {isConfirmingReset ? (
        <div class="op-confirm" role="group" aria-labelledby="reset-question">
          <p id="reset-question">
            Reset every setting, including the sources and sites you turned off? This cannot be undone (export
            first to keep a copy).
          </p>
          <div class="op-row">
            <button type="button" class="ui-button is-danger" id="reset-confirm" onClick={() => void reset()}>
              Reset to defaults
            </button>
            <button
              type="button"
              class="ui-button"
              onClick={() => {
                setConfirmingReset(false);
                requestAnimationFrame(() => document.getElementById('reset-button')?.focus());
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      <StatusLines idPrefix="settings-file" message={message} />
    </section>
  );
}
