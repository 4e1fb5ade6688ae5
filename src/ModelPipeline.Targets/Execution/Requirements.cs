using System.Collections;
using System.Linq.Expressions;
using System.Reflection;

namespace ModelPipeline.Targets;

/// <summary>Checks <c>Requires(...)</c> of the targets about to run, before any of them runs.</summary>
internal static class Requirements
{
    /// <summary>One message per unmet requirement, e.g. <c>Target 'Push' requires parameter 'Registry' (--registry or REGISTRY)</c>.</summary>
    public static List<string> Unmet(IEnumerable<TargetNode> targets, IReadOnlyList<ParameterMember> parameters)
    {
        var messages = new List<string>();
        foreach (var target in targets)
        {
            foreach (var expression in target.Definition.RequiredParameters)
            {
                var member = MemberOf(expression.Body);
                if (IsSet(Evaluate(expression)))
                {
                    continue;
                }

                var parameter = parameters.FirstOrDefault(p => p.MemberName == member?.Name);
                messages.Add(parameter is not null
                    ? $"Target '{target.Name}' requires parameter '{parameter.Name}' ({parameter.Option} or {parameter.EnvironmentVariable})"
                    : $"Target '{target.Name}' requires '{member?.Name ?? expression.Body.ToString()}' to be set");
            }

            foreach (var (condition, text) in target.Definition.Requirements)
            {
                if (!condition())
                {
                    messages.Add($"Target '{target.Name}' requires {ConditionText.Of(text)}");
                }
            }
        }

        return messages;
    }

    private static bool IsSet(object? value) => value switch
    {
        null => false,
        string text => text.Length > 0,
        ICollection collection => collection.Count > 0,
        _ => true,
    };

    private static MemberInfo? MemberOf(Expression body) => body switch
    {
        UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } unary => MemberOf(unary.Operand),
        MemberExpression member => member.Member,
        _ => null,
    };

    /// <summary>Reads <c>() => Member</c> on a captured instance without compiling; anything else is compiled.</summary>
    private static object? Evaluate(Expression<Func<object?>> expression)
    {
        var body = expression.Body is UnaryExpression { NodeType: ExpressionType.Convert } unary ? unary.Operand : expression.Body;
        if (body is MemberExpression { Expression: ConstantExpression { Value: var instance } } member)
        {
            switch (member.Member)
            {
                case FieldInfo field:
                    return field.GetValue(instance);
                case PropertyInfo property:
                    return property.GetValue(instance);
            }
        }

        return expression.Compile(preferInterpretation: true)();
    }
}
