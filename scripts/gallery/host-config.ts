/**
 * An Adaptive Cards host config that looks like Microsoft Teams' light theme (Teams'
 * desktop and web clients): its type sizes, spacing, text colours and the tinted
 * backgrounds of emphasis containers. Our own approximation for the card gallery; Teams
 * renders with its own renderer and the Segoe UI font, so small differences remain.
 */
const text = (normal: string, subtle: string) => ({ default: normal, subtle });

const foregroundColors = {
  default: text('#242424', '#616161'),
  dark: text('#242424', '#616161'),
  light: text('#FFFFFF', '#F5F5F5'),
  accent: text('#5B5FC7', '#4F52B2'),
  good: text('#0E700E', '#107C10'),
  warning: text('#835B00', '#8A6A00'),
  attention: text('#C4314B', '#B10E1C'),
};

export const TEAMS_LIGHT_HOST_CONFIG = {
  supportsInteractivity: true,
  fontFamily: "'Segoe UI', 'Helvetica Neue', 'Liberation Sans', Arial, sans-serif",
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  lineHeights: { small: 16, default: 20, medium: 20, large: 24, extraLarge: 32 },
  containerStyles: {
    default: { backgroundColor: '#FFFFFF', foregroundColors },
    emphasis: { backgroundColor: '#F5F5F5', foregroundColors },
    accent: { backgroundColor: '#E8EBFA', foregroundColors },
    good: { backgroundColor: '#F1FAF1', foregroundColors },
    attention: { backgroundColor: '#FDF3F4', foregroundColors },
    warning: { backgroundColor: '#FBF6D9', foregroundColors },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16, style: 'emphasis' },
    actionsOrientation: 'horizontal',
    actionAlignment: 'stretch',
  },
  adaptiveCard: { allowCustomStyle: true },
  factSet: {
    title: { size: 'default', color: 'default', isSubtle: false, weight: 'bolder', wrap: true, maxWidth: 150 },
    value: { size: 'default', color: 'default', isSubtle: false, weight: 'default', wrap: true },
    spacing: 12,
  },
  textBlock: { headingLevel: 2 },
};
