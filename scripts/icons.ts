// npm run icons: regenerate resources/icons/png, icon.ico, icon.icns, tray/ and the favicon from
// resources/icon.svg and resources/icon-small.svg. Commit the outputs.
import { resolve } from 'node:path';
import { writeIcons } from './icons/generate';

const root = resolve(__dirname, '..');
writeIcons(resolve(root, 'resources'), resolve(root, 'src/renderer/public')).then((count) => {
  console.log(`icons: wrote ${count} files`);
});
