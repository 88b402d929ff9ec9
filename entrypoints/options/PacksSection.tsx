/**
 * Options › Packs (docs/packs.md): the bundled pack, My sources and imported packs, each with its counts,
 * an on/off switch, export as a `.dramatis.json` file and (except the bundled pack) removal after a
 * confirmation; and importing a pack file, refused whole with the reasons when anything in it is wrong.
 * The background's knowledge service does the work; this section only asks it and shows the answers.
 */
import { useEffect, useState } from 'preact/hooks';
import { downloadFile } from '../../components/download-file';
import { FileImportButton } from '../../components/FileImportButton';
import { Toggle } from '../../components/Toggle';
import { formatDate } from '../../core/card-model';
import { describePackCounts } from '../../core/pack';
import { sendToBackground, type PacksOverview, type PackSummary } from '../../platform/messages';
import { StatusLines, type SectionMessage } from './StatusLines';

/** Larger files are refused before reading (the bundled pack, with its five articles, is about 0.2 MB). */
const MAX_PACK_FILE_BYTES = 50 * 1024 * 1024;

const NO_ANSWER = 'Dramatis’s background did not answer. Reload this page and try again.';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What kind of pack this is, in a few words. */
function describeKind(pack: PackSummary): string {
  if (pack.kind === 'bundled') return 'Comes with Dramatis; it can be turned off, not removed';
  if (pack.kind === 'mine')
    return pack.addedAt ? 'The articles you saved' : 'The articles you save will go here';
  return pack.addedAt ? `Imported on ${formatDate(pack.addedAt.slice(0, 10), true)}` : 'Imported';
}

/**
 * The packs section; `onRead` is called each time the packs are read (at first, and after each change).
 * The packs are read again whenever `changes` grows (a change of the knowledge base made elsewhere).
 */
export function PacksSection({
  changes = 0,
  onRead,
}: {
  changes?: number | undefined;
  onRead?: (() => void) | undefined;
}) {
  const [overview, setOverview] = useState<PacksOverview>();
  const [message, setMessage] = useState<SectionMessage>();
  const [confirming, setConfirming] = useState<string>();

  const refresh = async () => {
    const answer = await sendToBackground('background:list-packs', {});
    if (answer) {
      setOverview(answer);
      onRead?.();
    } else setMessage({ kind: 'error', text: NO_ANSWER });
  };
  useEffect(() => void refresh(), [changes]);

  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  const setEnabled = async (pack: PackSummary, isOn: boolean) => {
    const answer = await sendToBackground('background:set-pack-enabled', { id: pack.id, isOn });
    if (!answer || !answer.ok) setMessage({ kind: 'error', text: answer?.error ?? NO_ANSWER });
    else setMessage({ kind: 'ok', text: `“${pack.name}” is ${isOn ? 'on' : 'off'}.` });
    await refresh();
  };

  const exportPack = async (pack: PackSummary) => {
    const answer = await sendToBackground('background:export-pack', { id: pack.id });
    if (!answer || !answer.ok || answer.text === undefined || answer.fileName === undefined) {
      setMessage({ kind: 'error', text: (answer && !answer.ok && answer.error) || NO_ANSWER });
      return;
    }
    downloadFile(answer.text, answer.fileName);
    setMessage({ kind: 'ok', text: `Saved “${pack.name}” as ${answer.fileName}.` });
  };

  const removePack = async (pack: PackSummary) => {
    setConfirming(undefined);
    const answer = await sendToBackground('background:remove-pack', { id: pack.id });
    if (!answer || !answer.ok) setMessage({ kind: 'error', text: answer?.error ?? NO_ANSWER });
    else setMessage({ kind: 'ok', text: `Removed “${pack.name}”.` });
    await refresh();
    focusLater('pack-import-button');
  };

  const importFile = async (file: File, text: string) => {
    const answer = await sendToBackground('background:import-pack', { text, fileName: file.name });
    if (!answer || !answer.ok) setMessage({ kind: 'error', text: answer?.error ?? NO_ANSWER });
    else setMessage({ kind: 'ok', text: `Imported “${file.name}”.` });
    await refresh();
  };

  return (
    <section class="op-section" id="packs" aria-labelledby="packs-title">
      <h2 id="packs-title" class="op-section-title">
        Packs
      </h2>
      <p class="op-muted">
        What Dramatis knows comes in packs: the one it comes with, the articles you save, and packs you import
        from a file (a colleague’s, a newsroom’s). Every quote in a pack is checked against its article’s text
        before the pack is accepted.
      </p>
      {overview?.storageError ? (
        <p class="op-message is-error" role="alert" id="packs-storage-error">
          {overview.storageError}
        </p>
      ) : null}
      {overview ? (
        <ul class="op-packs" aria-label="Packs">
          {overview.packs.map((pack) => {
            const canExport = pack.kind === 'bundled' || pack.addedAt !== undefined;
            const canRemove = pack.kind !== 'bundled' && pack.addedAt !== undefined;
            return (
              <li key={pack.id} class="op-pack" data-pack={pack.id}>
                <Toggle
                  id={`pack-${pack.id}`}
                  isOn={pack.isEnabled}
                  onChange={(on) => void setEnabled(pack, on)}
                  label={pack.name}
                  description={
                    <>
                      <span data-testid="pack-counts">{describePackCounts(pack, true).join(' · ')}</span>
                      <br />
                      <span>{describeKind(pack)}</span>
                    </>
                  }
                />
                {confirming === pack.id ? (
                  <div class="op-confirm" role="group" aria-labelledby={`pack-remove-question-${pack.id}`}>
                    <p id={`pack-remove-question-${pack.id}`}>
                      {`Remove “${pack.name}” and everything in it (${plural(pack.sources, 'source')}, ${plural(pack.quotes, 'quote')}${pack.paraphrases > 0 ? `, ${plural(pack.paraphrases, 'paraphrase')}` : ''})? This cannot be undone: export it first to keep a copy.`}
                    </p>
                    <div class="op-row">
                      <button
                        type="button"
                        class="ui-button is-danger"
                        id={`pack-remove-confirm-${pack.id}`}
                        onClick={() => void removePack(pack)}
                      >
                        Remove
                      </button>
                      <button
                        type="button"
                        class="ui-button"
                        onClick={() => {
                          setConfirming(undefined);
                          focusLater(`pack-remove-${pack.id}`);
                        }}
                      >
                        Cancel
                      </button>
                    </div>
                  </div>
                ) : (
                  <div class="op-row op-pack-actions">
                    {canExport ? (
                      <button
                        type="button"
                        class="ui-button"
                        id={`pack-export-${pack.id}`}
                        aria-label={`Export “${pack.name}”`}
                        onClick={() => void exportPack(pack)}
                      >
                        Export
                      </button>
                    ) : null}
                    {canRemove ? (
                      <button
                        type="button"
                        class="ui-button is-danger"
                        id={`pack-remove-${pack.id}`}
                        aria-label={`Remove “${pack.name}”…`}
                        onClick={() => {
                          setConfirming(pack.id);
                          focusLater(`pack-remove-confirm-${pack.id}`);
                        }}
                      >
                        Remove…
                      </button>
                    ) : null}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="op-muted">Loading the packs…</p>
      )}
      <div class="op-row op-actions">
        <FileImportButton
          id="pack-import-button"
          inputId="pack-import-file"
          label="Import a pack…"
          maxBytes={MAX_PACK_FILE_BYTES}
          onText={importFile}
          onRefuse={(file, reason) =>
            setMessage({
              kind: 'error',
              text: `Could not import “${file.name}”: ${
                reason === 'too-large'
                  ? `the file is too large to be a Dramatis pack (${Math.round(file.size / 1024 / 1024)} MB).`
                  : 'the file could not be read.'
              } Your packs are unchanged.`,
            })
          }
        />
      </div>
      <StatusLines idPrefix="packs" message={message} />
    </section>
  );
}
