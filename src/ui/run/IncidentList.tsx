// Incidents as they happen: the latest few, with when; scaling events counted.
import {Box, Text} from 'ink';
import type {TimelineMark} from '../../engine/index.js';
import {useTheme} from '../hooks/use-theme.js';
import {isIncident} from './playback.js';

export function IncidentList({marks, rows}: {marks: readonly TimelineMark[]; rows: number}) {
  const theme = useTheme();
  const incidents = marks.filter(isIncident);
  const scaleOut = marks.filter((m) => m.kind === 'scale-out').length;
  const scaleIn = marks.filter((m) => m.kind === 'scale-in').length;
  const shown = incidents.slice(-Math.max(1, rows - 1));
  const scaling = scaleOut + scaleIn > 0 ? ` · scaled out ${scaleOut}×, in ${scaleIn}×` : '';
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        {incidents.length === 0 ? `No incidents yet${scaling}` : `Incidents (${incidents.length})${scaling}`}
      </Text>
      {shown.map((mark, i) => (
        <Text key={`${mark.minute}-${i}`} color={theme.bad} wrap="truncate-end">
          {`! ${mark.label}`}
        </Text>
      ))}
    </Box>
  );
}
