namespace SpotCheck.Core.Audit;

/// <summary>Each audit entry type in words (the code stays in the log; the page shows both).</summary>
public static class AuditTypeLabels
{
    static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["ROLES_CREATED"] = "初始化角色",
        ["USER_CREATED"] = "新建用户",
        ["USER_ROLES_CHANGED"] = "更改用户角色",
        ["USER_DEPARTMENTS_CHANGED"] = "更改用户所属部门",
        ["API_TOKEN_ISSUED"] = "签发接口令牌",
        ["API_TOKENS_REVOKED"] = "吊销接口令牌",
        ["LOGIN_FAILED"] = "登录失败",
        ["ACCOUNT_LOCKED"] = "账户锁定",
        ["CALENDAR_IMPORTED"] = "导入节假日安排",
        ["DEMO_SEEDED"] = "载入示例数据",
        ["DEMO_REMOVED"] = "删除示例数据",
        ["DEPARTMENT_SAVED"] = "保存部门",
        ["ITEM_CREATED"] = "新建抽查事项",
        ["ITEM_UPDATED"] = "修改抽查事项",
        ["ITEM_IMPORTED"] = "导入抽查事项",
        ["ITEM_PUBLISHED"] = "发布抽查事项",
        ["ITEM_RETIRED"] = "停用抽查事项",
        ["ENTERPRISE_CREATED"] = "新增检查对象",
        ["ENTERPRISE_UPDATED"] = "修改检查对象",
        ["ENTERPRISE_IMPORTED"] = "导入检查对象",
        ["OFFICER_UPDATED"] = "保存执法检查人员",
        ["OFFICER_IMPORTED"] = "导入执法检查人员",
        ["OFFICER_CONFLICT_DECLARED"] = "登记回避关系",
        ["OFFICER_CONFLICT_WITHDRAWN"] = "撤销回避关系",
        ["PLAN"] = "发布抽查计划",
        ["PLAN_CREATED"] = "新建抽查计划",
        ["PLAN_UPDATED"] = "修改抽查计划",
        ["PLAN_CLOSED"] = "关闭抽查计划",
        ["INPUTS_FROZEN"] = "冻结抽取名录",
        ["COMMIT"] = "提交承诺值",
        ["PUBLIC_RANDOMNESS_FIRST_ENTRY"] = "首次录入公共随机数",
        ["PUBLIC_RANDOMNESS"] = "确认公共随机数",
        ["PUBLIC_RANDOMNESS_MISMATCH"] = "公共随机数两次录入不一致",
        ["REVEAL"] = "揭示秘密值",
        ["DRAW_RESULT"] = "抽取结果",
        ["ASSIGNMENT_RESULT"] = "配员结果",
        ["PUBLISHED"] = "公示抽取结果",
        ["VOIDED"] = "作废抽取",
        ["SUBSTITUTION"] = "名录错误替换",
        ["TASK_CREATED"] = "新建检查任务",
        ["ADD_MEMBER"] = "增加检查人员",
        ["RECORD_SAVED"] = "保存检查记录",
        ["RECORD_CONFIRMED"] = "确认检查记录",
        ["RECORD_SUBMITTED"] = "提交审核",
        ["RECORD_APPROVED"] = "审核通过",
        ["RECORD_RETURNED"] = "审核退回",
        ["EVIDENCE_ADDED"] = "上传证据",
        ["EVIDENCE_INTEGRITY_FAILED"] = "证据完整性校验失败",
        ["OBJECTION_RECORDED"] = "登记异议",
        ["OBJECTION_RESOLVED"] = "处理异议",
        ["FOLLOW_UP_CLOSED"] = "完结后续处置",
        ["CREDIT_RECORDED"] = "记入信用记录",
        ["CREDIT_CORRECTED"] = "更正信用记录",
        ["NOTICE_ISSUED"] = "签发文书",
        ["NOTICE_SETTINGS_CHANGED"] = "修改文书设置",
        ["RESULTS_PUBLISHED"] = "公示检查结果",
        ["RESULT_CORRECTED"] = "更正公示信息",
        ["ANCHOR"] = "审计链锚定",
        ["DATA_ALERT"] = "数据告警",
    };

    public static string Of(string type) => Labels.GetValueOrDefault(type, type);

    /// <summary>Types that have a label, for the filter's picker.</summary>
    public static IEnumerable<(string Type, string Label)> All => Labels.Select(l => (l.Key, l.Value));
}
