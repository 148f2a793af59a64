/** View options and shortcuts for long shifts (theme, large text, dial-box shortcut), English. */
export const layoutEn = {
  'layout.view': 'View',
  'layout.theme': 'Theme',
  'layout.theme.system': 'System',
  'layout.theme.light': 'Light',
  'layout.theme.dark': 'Dark',
  'layout.largeText': 'Large text',
  'layout.largeTextHint': 'Larger text everywhere, for wall screens and control rooms',
  'layout.fromSearch': 'A number typed in the search box',
  'layout.help.tabs': 'Go to Contacts / Call log / Reports / Settings',
  'layout.help.focusDial': 'Go to the dial box',
  'layout.help.searchDial': 'In the search box, with a whole number typed: dial it after the confirmation',
} as const;
