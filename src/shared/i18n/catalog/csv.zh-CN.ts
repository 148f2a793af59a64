/**
 * The words of the CSV files main writes for the dispatcher, Simplified Chinese. The contact
 * importer recognises these headers in both languages (main/contacts/csv.ts): change a header here
 * and the round-trip test says whether the file still reads back.
 */
export const csvZhCN = {
  'csv.contacts.name': '姓名',
  'csv.contacts.numbers': '号码',
  'csv.contacts.org': '单位',
  'csv.contacts.notes': '备注',
  'csv.contacts.groups': '分组',
  'csv.contacts.favorite': '收藏',
  'csv.contacts.yes': '是',

  'csv.log.time': '时间',
  'csv.log.kind': '类型',
  'csv.log.mode': '模式',
  'csv.log.caller': '主叫',
  'csv.log.parties': '被叫',
  'csv.log.result': '结果',
  'csv.log.code': '错误码',
  'csv.log.explanation': '说明',
  'csv.log.session': '会话 ID',
  'csv.log.state': '状态',
  'csv.log.duration': '时长（秒）',
  'csv.log.hangCause': '挂断原因',
  'csv.log.kind.call': '通话',
  'csv.log.kind.conf': '会议',
  'csv.log.mode.sandbox': '沙箱',
  'csv.log.mode.production': '正式',
  'csv.log.mode.team': '团队',
  'csv.log.result.ok': '成功',
  'csv.log.result.failed': '失败',
  'csv.log.state.submitted': '已提交',
  'csv.log.state.ringing': '振铃中',
  'csv.log.state.answered': '通话中',
  'csv.log.state.ended': '已结束',
  'csv.log.state.unknown': '未知',
  'csv.log.state.failed': '失败',
  // One coherent result per row (src/shared/call-outcome.ts): words first, raw codes after.
  'csv.log.reason': '原因',
  'csv.log.stateCode': '状态代码',
  'csv.log.status': '云信状态',
  'csv.log.hangCauseCode': '挂断原因代码',
  'csv.log.people': '每个人',
  'csv.log.maxDur': '时长上限（秒）',
  'csv.log.perPerson': '每人上限（秒）',
} as const;
