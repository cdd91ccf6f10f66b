// Keyboard-first assistants, intake and return (WIZ-01): Enter in a field moves to the next one like Tab; Enter in the last
// field of a step presses the step's "next" button. A barcode scanner types a code and Enter into the
// focused field: the code stays there and the cursor moves on. When a list of choices is open (an
// autocomplete or a select), Enter is left to it to pick the highlighted choice.

const listOpen = () => document.querySelector('.mud-popover-open .mud-list-item') !== null;

const visible = el => el.offsetParent !== null || el.getClientRects().length > 0;

const fieldsOf = step => [...step.querySelectorAll('input, textarea, [data-step-field]')]
    .filter(el => el.type !== 'hidden' && !el.disabled && el.tabIndex >= 0 && visible(el));

function onKeyDown(e) {
    if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey || e.isComposing) {
        return;
    }

    const target = e.target;
    if (!(target instanceof HTMLElement) || target.tagName === 'BUTTON' || target.tagName === 'TEXTAREA' || target.tagName === 'A') {
        return;
    }

    // A field inside [data-enter-own] handles Enter itself (e.g. "add a checklist line" in the return assistant).
    const step = target.closest('[data-step]');
    if (!step || listOpen() || target.closest('[data-enter-own]')) {
        return;
    }

    e.preventDefault();
    e.stopPropagation();
    const fields = fieldsOf(step);
    const index = fields.indexOf(target);
    const next = index >= 0 ? fields[index + 1] : undefined;
    if (next) {
        next.focus();
        if (next instanceof HTMLInputElement && typeof next.select === 'function' && next.type !== 'checkbox') {
            next.select();
        }
        return;
    }

    // Leaving the field first commits its value (a change event) before the step moves on.
    target.blur();
    step.querySelector('[data-step-next]')?.click();
}

export function attach(root) {
    if (root && !root.__scIntake) {
        root.addEventListener('keydown', onKeyDown, true);
        root.__scIntake = true;
    }
}

// A focus request for the field the user (or a scanner) is already typing in leaves it alone: selecting its text would
// let the next key replace what was typed.
export function focus(selector) {
    const el = document.querySelector(selector);
    if (el && el !== document.activeElement) {
        el.focus();
        if (el instanceof HTMLInputElement && el.type !== 'checkbox') {
            el.select();
        }
    }
}
