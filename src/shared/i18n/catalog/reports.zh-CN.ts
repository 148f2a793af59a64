/** The reports tab words the first screen and main need (tab name, loading, refusals), 简体中文. */
export const reportsZhCN = {
  'reports.tab': '统计',
  'reports.loading': '正在统计…',
  'reports.rangeInvalid': '日期范围无效：请选择开始和结束日期，开始不能晚于结束。',
  'reports.rangeTooLong': '日期范围最长 {max} 天，请缩短后再统计。',
  'reports.timeZoneUnknown': '无法识别时区 {zone}。',
  'reports.exported': '已导出 {file}',
} as const;
