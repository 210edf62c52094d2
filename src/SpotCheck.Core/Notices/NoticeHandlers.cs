using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Items;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Notices;

public enum NoticeKind { Inspection, Result }

/// <summary>
/// 检查通知书 (before the visit) and 检查结果告知书 (after approval) as .docx, generated from the task's data for
/// anyone who may see the task.
/// </summary>
public static class GenerateNotice
{
    public sealed record Document(byte[] Bytes, string FileName);

    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public sealed class Handler(GetTask.Handler getTask, AppDbContext db)
    {
        public async Task<Result<Document>> HandleAsync(int taskId, NoticeKind kind, TaskViewer viewer, CancellationToken ct = default)
        {
            var found = await getTask.HandleAsync(taskId, viewer, ct);
            if (!found.IsSuccess) return found.Error!;
            var d = found.Value;
            var team = string.Join("、", d.Team.Where(m => m.IsActive).Select(m => m.Name + (m.IsLeader ? "（组长）" : "")));
            var items = d.Items.Select(i => $"{i.Code} {i.Name}：{i.Content}（检查方式：{MethodLabels(i.Methods)}）").ToList();
            var head = new List<string>
            {
                $"被检查对象：{d.EnterpriseName}",
                $"统一社会信用代码：{d.Uscc}",
                $"住所（经营场所）：{d.Address}",
                $"任务编号：{d.Task.Id}　任务来源：{TaskLabels.Of(d.Task.Source)}" + (d.Task.DrawId is null ? "" : $"　抽取编号：{d.Task.DrawId}"),
            };
            if (kind == NoticeKind.Inspection)
            {
                var text = head.Concat([
                    string.Create(CultureInfo.InvariantCulture, $"根据“双随机、一公开”监管工作安排，我单位将于 {d.Task.DueDate:yyyy年M月d日} 前对你单位开展检查，请予以配合。"),
                    "检查事项：", .. items,
                    $"检查人员：{team}（检查时出示执法证件）",
                ]).ToList();
                return new Document(NoticeDocument.Build("检查通知书", text), $"检查通知书-{d.Task.Id}.docx");
            }
            if (d.Task.State != TaskState.Approved)
                return new Error("notice.not_approved", "检查记录审核通过后才能生成检查结果告知书", Kind: ErrorKind.Conflict);
            var record = await db.InspectionRecords.AsNoTracking().SingleAsync(r => r.TaskId == taskId, ct);
            var result = head.Concat([
                string.Create(CultureInfo.InvariantCulture, $"检查日期：{record.InspectedOn:yyyy年M月d日}　检查地点：{record.Place}"),
                "检查事项：", .. items,
                $"检查结果：{RecordCodes.Labels(record.ResultList, RecordCodes.Results)}" + (record.ResultOtherText is null ? "" : $"（{record.ResultOtherText}）"),
                $"检查情况：{record.Findings}",
                $"后续处置：{RecordCodes.Labels(record.FollowUpList, RecordCodes.FollowUps)}"
                    + (record.RectifyDueDate is DateOnly due ? string.Create(CultureInfo.InvariantCulture, $"，整改期限 {due:yyyy年M月d日}") : ""),
                $"检查人员：{team}",
                string.Create(CultureInfo.InvariantCulture, $"审核日期：{record.ConclusionDate:yyyy年M月d日}。检查结果将于 {record.PublicationDeadline:yyyy年M月d日} 前通过国家企业信用信息公示系统向社会公示。"),
                "如对检查结果有异议，可自收到本告知书之日起向本单位书面提出。",
            ]).ToList();
            return new Document(NoticeDocument.Build("检查结果告知书", result), $"检查结果告知书-{d.Task.Id}.docx");
        }

        static string MethodLabels(string methods) =>
            string.Join("、", methods.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(m => ItemCodes.Methods.GetValueOrDefault(m, m)));
    }
}
