// How many rows a screen's body may use, so long content scrolls instead of pushing the frame past the terminal.
import {createContext, useContext} from 'react';

export const BodyRowsContext = createContext(16);

export function useBodyRows(): number {
  return useContext(BodyRowsContext);
}
