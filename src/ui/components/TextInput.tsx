// A one-line text input (slot names, file paths). While active it takes every key: Enter submits, Esc cancels.
import {Text} from 'ink';
import {useState} from 'react';
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
  useKeys((input, key) => {
    if (key.return) onSubmit(value.trim());
    else if (key.escape) onCancel();
    else if (key.backspace || key.delete) setValue((v) => v.slice(0, -1));
    else if (!key.ctrl && !key.meta && !key.tab && !key.upArrow && !key.downArrow && !key.leftArrow && !key.rightArrow && input !== '') {
      setValue((v) => v + input);
    }
    return true;
  }, active);
  return (
    <Text>
      <Text bold>{label}: </Text>
      {value}
      <Text inverse> </Text>
      <Text>  (enter: ok, esc: cancel)</Text>
    </Text>
  );
}
