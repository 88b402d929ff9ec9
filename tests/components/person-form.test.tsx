// @vitest-environment happy-dom
/**
 * The add-person form (components/PersonForm.tsx) as a reader meets it: typing a surname that is also a
 * common English word shows the warning and saves the word with the person (so the background sets the
 * exact-case rule); a surname that is no word shows none and saves none.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PersonForm, type PersonFormProps } from '../../components/PersonForm';
import { proposePerson } from '../../core/person-form';

const PAGE = 'Sarah Brown, a spokeswoman for the mission, said the envoys would return on Monday.';

afterEach(() => cleanup());

function renderForm() {
  const onSave = vi.fn<PersonFormProps['onSave']>(() => Promise.resolve({ kind: 'ok', text: 'Saved.' }));
  render(
    <PersonForm
      initial={proposePerson('Sarah Brown', PAGE)}
      pageText={PAGE}
      people={[]}
      givenNames={[]}
      onSave={onSave}
      saveLabel="Add"
      idPrefix="person"
    />,
  );
  const warnings = () =>
    [...document.querySelectorAll('#person-warnings li')].map((li) => li.getAttribute('data-kind'));
  return { onSave, warnings };
}

describe('PersonForm', () => {
  it('warns that “Brown” is a common word and saves it as one', async () => {
    const { onSave, warnings } = renderForm();
    expect(warnings()).toEqual(['common-word']);
    expect(screen.getByText(/“Brown” is also a common word/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave.mock.calls[0]).toEqual([expect.objectContaining({ surname: 'Brown' }), ['brown']]);
  });

  it('a surname that is no word (“Witkoff”) gets no warning, and none is saved', async () => {
    const { onSave, warnings } = renderForm();
    fireEvent.input(screen.getByLabelText('Surname'), { target: { value: 'Witkoff' } });
    expect(warnings()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave.mock.calls[0]?.[1]).toEqual([]);
  });
});
