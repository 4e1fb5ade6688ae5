namespace ModelPipeline.Build.Tests;

/// <summary>
/// The part of GitHub Actions' expression language the generated workflow's <c>if:</c> conditions use, evaluated as the
/// documentation describes: <c>||</c>, <c>&amp;&amp;</c>, <c>!</c>, parentheses, <c>==</c>/<c>!=</c> (strings compared
/// ignoring case), string literals in single quotes, <c>always()</c>/<c>success()</c>, and context paths such as
/// <c>github.event_name</c> or <c>needs.compare.outputs.champion-changed-churn</c> (a missing one is null, which is falsy
/// and equals no string). Anything else throws, so a condition this cannot read fails the test instead of passing it.
/// </summary>
internal sealed class WorkflowExpression
{
    private readonly string text;
    private readonly IReadOnlyDictionary<string, string> context;
    private int position;

    private WorkflowExpression(string text, IReadOnlyDictionary<string, string> context)
    {
        this.text = text;
        this.context = context;
    }

    /// <summary>Whether <paramref name="condition"/> (with or without <c>${{ }}</c>) is truthy in <paramref name="context"/>.</summary>
    public static bool IsTrue(string condition, IReadOnlyDictionary<string, string> context)
    {
        var trimmed = condition.Trim();
        if (trimmed.StartsWith("${{", StringComparison.Ordinal) && trimmed.EndsWith("}}", StringComparison.Ordinal))
        {
            trimmed = trimmed[3..^2];
        }

        var expression = new WorkflowExpression(trimmed, context);
        var value = expression.Or();
        expression.SkipSpaces();
        if (expression.position != trimmed.Length)
        {
            throw new FormatException($"cannot read '{trimmed[expression.position..]}' in '{trimmed}'");
        }

        return Truthy(value);
    }

    private static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        _ => true,
    };

    private object? Or()
    {
        var left = And();
        while (Take("||"))
        {
            var right = And();
            left = Truthy(left) ? left : right;
        }

        return left;
    }

    private object? And()
    {
        var left = Comparison();
        while (Take("&&"))
        {
            var right = Comparison();
            left = Truthy(left) ? right : left;
        }

        return left;
    }

    private object? Comparison()
    {
        var left = Unary();
        if (Take("=="))
        {
            return Equal(left, Unary());
        }

        if (Take("!="))
        {
            return !Equal(left, Unary());
        }

        return left;
    }

    private static bool Equal(object? left, object? right) =>
        left is string a && right is string b ? string.Equals(a, b, StringComparison.OrdinalIgnoreCase) : Equals(left, right);

    private object? Unary()
    {
        if (Take("!"))
        {
            return !Truthy(Unary());
        }

        if (Take("("))
        {
            var inner = Or();
            Expect(")");
            return inner;
        }

        SkipSpaces();
        if (position < text.Length && text[position] == '\'')
        {
            var end = text.IndexOf('\'', position + 1);
            var literal = text[(position + 1)..end];
            position = end + 1;
            return literal;
        }

        var start = position;
        while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is '_' or '-' or '.'))
        {
            position++;
        }

        var name = text[start..position];
        if (name.Length == 0)
        {
            throw new FormatException($"expected a value at '{text[start..]}' in '{text}'");
        }

        if (Take("("))
        {
            Expect(")");
            return name is "always" or "success" ? true : throw new FormatException($"function {name}() is not supported here");
        }

        return context.TryGetValue(name, out var value) ? value : null;
    }

    private void SkipSpaces()
    {
        while (position < text.Length && text[position] == ' ')
        {
            position++;
        }
    }

    private bool Take(string token)
    {
        SkipSpaces();
        if (string.CompareOrdinal(text, position, token, 0, token.Length) != 0 || (token == "!" && Peek(1) == '='))
        {
            return false;
        }

        position += token.Length;
        return true;
    }

    private char Peek(int offset) => position + offset < text.Length ? text[position + offset] : '\0';

    private void Expect(string token)
    {
        if (!Take(token))
        {
            throw new FormatException($"expected '{token}' at '{text[position..]}' in '{text}'");
        }
    }
}
