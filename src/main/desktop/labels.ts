/**
 * The few words main shows itself (tray, application menu, notifications, dialogs), in the UI
 * language. Kept in one table so they move to the shared i18n catalog in one step.
 */
import type { Language } from '../../shared/result';

const LABELS = {
  show: { 'zh-CN': '显示专线调度台', en: 'Show Dispatch Desk' },
  dialClipboard: { 'zh-CN': '呼叫剪贴板中的号码…', en: 'Call the number on the clipboard…' },
  recentCalls: { 'zh-CN': '最近呼叫', en: 'Recent calls' },
  noRecentCalls: { 'zh-CN': '（暂无）', en: '(none yet)' },
  modeSandbox: { 'zh-CN': '模式：沙箱（不拨打真实电话）', en: 'Mode: sandbox (no real phone rings)' },
  modeProduction: { 'zh-CN': '模式：正式', en: 'Mode: production' },
  callInProgress: { 'zh-CN': '通话进行中', en: 'Call in progress' },
  quit: { 'zh-CN': '退出', en: 'Quit' },
  quitWhileCallTitle: { 'zh-CN': '仍有通话在进行', en: 'A call is still in progress' },
  quitWhileCallText: {
    'zh-CN': '退出不会挂断电话，但调度台将无法再跟踪它的状态。仍要退出吗？',
    en: 'Quitting does not hang up, but the desk can no longer follow its status. Quit anyway?',
  },
  quitAnyway: { 'zh-CN': '仍要退出', en: 'Quit anyway' },
  cancel: { 'zh-CN': '取消', en: 'Cancel' },
  menuEdit: { 'zh-CN': '编辑', en: 'Edit' },
  menuView: { 'zh-CN': '视图', en: 'View' },
  menuHelp: { 'zh-CN': '帮助', en: 'Help' },
  menuFile: { 'zh-CN': '文件', en: 'File' },
  zoomIn: { 'zh-CN': '放大', en: 'Zoom in' },
  zoomOut: { 'zh-CN': '缩小', en: 'Zoom out' },
  zoomReset: { 'zh-CN': '实际大小', en: 'Actual size' },
  openDataFolder: { 'zh-CN': '打开数据与日志文件夹', en: 'Open the data and log folder' },
  about: { 'zh-CN': '关于专线调度台', en: 'About Dispatch Desk' },
  aboutText: { 'zh-CN': '专线调度台 {version}', en: 'Dispatch Desk {version}' },
  notifyCallFailed: { 'zh-CN': '呼叫 {who} 失败', en: 'Call to {who} failed' },
  notifyConfFailed: { 'zh-CN': '会议发起失败（{n} 人）', en: 'Conference with {n} people failed' },
  notifyConfEnded: { 'zh-CN': '会议已结束，时长 {duration}', en: 'Conference ended after {duration}' },
  notifyNotAnswered: { 'zh-CN': '{who} 未接听', en: '{who} did not answer' },
  hotkeyTaken: {
    'zh-CN': '全局快捷键 {accelerator} 已被其他程序占用，未能启用',
    en: 'The global shortcut {accelerator} is taken by another program and could not be enabled',
  },
  hotkeyInvalid: { 'zh-CN': '全局快捷键设置“{text}”无效', en: 'The global shortcut setting “{text}” is not valid' },
  appName: { 'zh-CN': '专线调度台', en: 'Dispatch Desk' },
} as const satisfies Record<string, Record<Language, string>>;

export type LabelKey = keyof typeof LABELS;

export function label(language: Language, key: LabelKey, params: Record<string, string | number> = {}): string {
  return LABELS[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
