/**
 * Words of the import plan (duplicates, conflicts, warnings, undo), number extensions and the
 * shared contact rules' codes that had no sentence yet. One part so these keys stay in one block.
 */
export const rulesZhCN = {
  'rules.noNumber': '至少需要一个可拨打的号码',
  'rules.extension': '转 {extension}',

  'importPlan.noNumber': '这一行没有可拨打的号码',
  'importPlan.numberWithExtension': '{number} 转 {extension}',
  'importPlan.removesNumber': '将删除号码 {number}（{label}）',
  'importPlan.changesName': '姓名将由“{from}”改为“{to}”',
  'importPlan.changesOrg': '单位将由“{from}”改为“{to}”',
  'importPlan.replacesNotes': '备注“{from}”将被替换',
  'importPlan.replacesGroups': '将移出原有的 {count} 个分组',
  'importPlan.undoExpired': '上次导入已超过一小时或已撤销，无法再撤销',
  'importPlan.rejectedReason': '问题',
  'importPlan.rejectedLine': '原行号',

  'importReview.status.conflict': '号码冲突',
  'importReview.conflictLabel': '号码已属于其他人',
  'importReview.decision.keep': '两人都保留',
  'importReview.decision.merge': '合并到现有联系人',
  'importReview.decision.skip': '跳过这一行',
  'importReview.conflictsHint': '{n} 行的号码已属于另一个名字的联系人：请逐行选择保留两人、合并或跳过。',
  'importReview.removesTitle': '替换将删除：',
  'importReview.org': '单位：{org}',
  'importReview.notes': '备注：{notes}',
  'importReview.groups': '分组：{groups}',
  'importReview.warningsTitle': '未导入的号码：',
  'importReview.exportRejected': '导出有错误的 {n} 行（CSV）',
  'importReview.rejectedExported': '已导出 {file}，修改后可再次导入',
  'importReview.imported': '已导入：新增 {added}，合并 {merged}，替换 {replaced}',
  'importReview.undo': '撤销导入',
  'importReview.undoLast': '撤销上次导入',
  'importReview.undoLastTitle': '撤销 {time} 的导入（一小时内可撤销）',
  'importReview.undone': '已撤销导入：移除 {removed} 位，恢复 {restored} 位',
} as const;
