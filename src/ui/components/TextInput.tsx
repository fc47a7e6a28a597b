// A one-line text input (slot names, file paths). While active it takes every key: Enter submits, Esc cancels.
// A suggested value (`initial`) is replaced by the first character typed, as a selected default is; backspace
// keeps it and edits it instead.
import {Text} from 'ink';
import {useRef, useState} from 'react';
import {useKeys} from '../input/key-router.js';
import type {Hint} from './KeyHints.js';

/** The key-hint bar while a text input has the keys (every other key is typed into it). */
export const TYPING_HINTS: readonly Hint[] = [
  ['enter', 'ok'],
  ['esc', 'cancel'],
];

export interface TextInputProps {
  label: string;
  initial?: string;
  onSubmit(value: string): void;
  onCancel(): void;
  active?: boolean;
}

export function TextInput({label, initial = '', onSubmit, onCancel, active = true}: TextInputProps) {
  const [value, setValue] = useState(initial);
  // A ref as well as state: two keys in one burst (a paste) must see the first one's edit before a re-render.
  const suggestedRef = useRef(initial !== '');
  const [suggested, setSuggested] = useState(initial !== '');
  const edited = () => {
    suggestedRef.current = false;
    setSuggested(false);
  };
  useKeys((input, key) => {
    if (key.return) onSubmit(value.trim());
    else if (key.escape) onCancel();
    else if (key.backspace || key.delete) {
      edited();
      setValue((v) => v.slice(0, -1));
    } else if (!key.ctrl && !key.meta && !key.tab && !key.upArrow && !key.downArrow && !key.leftArrow && !key.rightArrow && input !== '') {
      const replace = suggestedRef.current;
      edited();
      setValue((v) => (replace ? input : v + input));
    }
    return true;
  }, active);
  return (
    <Text>
      <Text bold>{label}: </Text>
      {value}
      <Text inverse> </Text>
      <Text>{suggested ? '  (type to replace it, enter: ok, esc: cancel)' : '  (enter: ok, esc: cancel)'}</Text>
    </Text>
  );
}
