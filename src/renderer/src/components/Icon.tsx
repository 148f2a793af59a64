/** Line icons (CSS masks in icons.css, coloured by currentColor). Decorative: labels carry the meaning. */
export type IconName =
  | 'phone'
  | 'star'
  | 'plus'
  | 'edit'
  | 'trash'
  | 'up'
  | 'down'
  | 'close'
  | 'users'
  | 'help'
  | 'search'
  | 'download'
  | 'upload'
  | 'redial'
  | 'conf'
  | 'check'
  | 'warn';

export function Icon({ name, filled = false }: { name: IconName; filled?: boolean }) {
  return <span className={`icon i-${name}${filled ? ' filled' : ''}`} aria-hidden="true" />;
}
