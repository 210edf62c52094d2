using Microsoft.AspNetCore.Mvc;

namespace SpotCheck.Hosting;

/// <summary>
/// Form binding speaks Chinese: the use cases validate every field with their own zh-CN messages, so the framework's
/// implicit "The X field is required." is switched off, and its few binding messages (a word typed into a number box,
/// a missing value) are given in Chinese.
/// </summary>
public static class ChineseModelBinding
{
    public static void Apply(MvcOptions o)
    {
        o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        var m = o.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, field) => $"“{value}”不是有效的值");
        m.SetMissingBindRequiredValueAccessor(field => "缺少必填项");
        m.SetMissingKeyOrValueAccessor(() => "缺少必填项");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效的值");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的值无效");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "请填写数字");
        m.SetUnknownValueIsInvalidAccessor(field => "填写的值无效");
        m.SetValueIsInvalidAccessor(value => $"“{value}”不是有效的值");
        m.SetValueMustBeANumberAccessor(field => "请填写数字");
        m.SetValueMustNotBeNullAccessor(value => "此项不能为空");
    }
}
