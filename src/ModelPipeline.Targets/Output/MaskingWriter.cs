using System.Text;

namespace ModelPipeline.Targets;

/// <summary>Writes whole lines to an inner writer with every secret value replaced by <c>***</c>.</summary>
internal sealed class MaskingWriter(TextWriter inner, IReadOnlyList<string> secrets) : TextWriter
{
    // Longest first, so a secret containing another is masked whole.
    private readonly string[] secrets = secrets.Where(s => s.Length > 0).Distinct().OrderByDescending(s => s.Length).ToArray();
    private readonly StringBuilder line = new();
    private readonly Lock gate = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        lock (gate)
        {
            if (value == '\n')
            {
                inner.Write(Mask(line.ToString()));
                inner.Write('\n');
                line.Clear();
            }
            else
            {
                line.Append(value);
            }
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        lock (gate)
        {
            foreach (var c in value)
            {
                Write(c);
            }
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Flush()
    {
        lock (gate)
        {
            if (line.Length > 0)
            {
                inner.Write(Mask(line.ToString()));
                line.Clear();
            }

            inner.Flush();
        }
    }

    public string Mask(string text)
    {
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return text;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }
}
