/** View options and shortcuts for long shifts (theme, large text, dial-box shortcut), 简体中文. */
export const layoutZhCN = {
  'layout.view': '显示',
  'layout.theme': '配色',
  'layout.theme.system': '跟随系统',
  'layout.theme.light': '浅色',
  'layout.theme.dark': '深色',
  'layout.largeText': '大字体',
  'layout.largeTextHint': '放大全部文字，适合大屏和值班室远距离查看',
  'layout.fromSearch': '在搜索框输入的号码',
  'layout.help.tabs': '切换到 联系人 / 通话记录 / 统计 / 设置',
  'layout.help.focusDial': '跳到拨号框',
  'layout.help.searchDial': '在搜索框输入完整号码后：确认后拨打该号码',
} as const;
