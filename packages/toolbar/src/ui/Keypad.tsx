/** The twelve keys of a phone keypad, in their usual order. */
export const KEYPAD_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

const KEY_PATTERN = /^[0-9*#]$/;

/**
 * A phone keypad: a labelled group of twelve buttons (named by their digit). Typing a digit, * or #
 * while the focus is on a key presses it too.
 */
export function Keypad(props: { label: string; id?: string; onKey: (key: string) => void; disabled?: boolean }) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (props.disabled || event.ctrlKey || event.metaKey || event.altKey || !KEY_PATTERN.test(event.key)) return;
    event.preventDefault();
    props.onKey(event.key);
  };
  return (
    <div id={props.id} class="keypad" role="group" aria-label={props.label} onKeyDown={onKeyDown}>
      {KEYPAD_KEYS.map((key) => (
        <button key={key} type="button" class="keypad-key" disabled={props.disabled} onClick={() => props.onKey(key)}>
          {key}
        </button>
      ))}
    </div>
  );
}
