using Scriban;
using Scriban.Runtime;
using Scriban.Parsing;
using Scriban.Syntax;

namespace ModelPipeline;

/// <summary>
/// A Scriban template (the Dockerfile, the report layout) parsed and rendered with strict variables, so a misspelt
/// variable fails instead of rendering empty; every problem comes back as one line naming the template's file, line
/// and column (<c>docker/Dockerfile.scriban:12:8: …</c>). Compiled into Containers and Reports as a linked file.
/// </summary>
internal static class ScribanText
{
    /// <summary>Parses <paramref name="text"/>; on a syntax error throws what <paramref name="error"/> makes of the located line.</summary>
    public static Template Parse(string text, string name, Func<string, Exception> error)
    {
        var template = Template.Parse(text, name);
        if (template.HasErrors)
        {
            var first = template.Messages.First(m => m.Type == ParserMessageType.Error);
            throw error($"{Where(first.Span, name)}: {first.Message}");
        }

        return template;
    }

    /// <summary>Renders <paramref name="template"/> with <paramref name="model"/> as its variables.</summary>
    public static string Render(Template template, ScriptObject model, string name, Func<string, Exception> error)
    {
        var context = new TemplateContext { StrictVariables = true, EnableRelaxedMemberAccess = false };
        context.PushGlobal(model);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw error($"{Where(e.Span, name)}: {e.OriginalMessage}");
        }
    }

    /// <summary>A list of <c>{ name, value }</c> objects, as templates loop over.</summary>
    public static ScriptArray Pairs(IEnumerable<(string Name, string Value)> pairs)
    {
        var list = new ScriptArray();
        foreach (var (name, value) in pairs)
        {
            list.Add(new ScriptObject { ["name"] = name, ["value"] = value });
        }

        return list;
    }

    private static string Where(SourceSpan span, string name) => $"{name}:{span.Start.Line + 1}:{span.Start.Column + 1}";
}
