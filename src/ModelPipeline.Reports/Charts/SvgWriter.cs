using System.Text;
using static ModelPipeline.Reports.Numbers;

namespace ModelPipeline.Reports;

/// <summary>Writes one inline SVG element; every piece of text passes through <see cref="Markup.Encode"/>.</summary>
internal sealed class SvgWriter
{
    private readonly StringBuilder _svg = new();

    public SvgWriter(double width, double height, string title)
    {
        Width = width;
        Height = height;
        _svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
            .Append(Coordinate(width)).Append(' ').Append(Coordinate(height))
            .Append("\" role=\"img\" aria-label=\"").Append(Markup.Encode(title))
            .Append("\" preserveAspectRatio=\"xMidYMid meet\"><title>").Append(Markup.Encode(title)).Append("</title>");
    }

    public double Width { get; }

    public double Height { get; }

    public SvgWriter Line(double x1, double y1, double x2, double y2, string cssClass, string? stroke = null, string? dash = null)
    {
        _svg.Append("<line x1=\"").Append(Coordinate(x1)).Append("\" y1=\"").Append(Coordinate(y1))
            .Append("\" x2=\"").Append(Coordinate(x2)).Append("\" y2=\"").Append(Coordinate(y2))
            .Append("\" class=\"").Append(cssClass).Append('"');
        AppendPaint("stroke", stroke);
        AppendPaint("stroke-dasharray", dash);
        _svg.Append("/>");
        return this;
    }

    public SvgWriter Rect(double x, double y, double width, double height, string fill, string? cssClass = null, string? tooltip = null)
    {
        _svg.Append("<rect x=\"").Append(Coordinate(x)).Append("\" y=\"").Append(Coordinate(y))
            .Append("\" width=\"").Append(Coordinate(Math.Max(0, width))).Append("\" height=\"").Append(Coordinate(Math.Max(0, height)))
            .Append("\" fill=\"").Append(fill).Append('"');
        AppendPaint("class", cssClass);
        CloseWithTooltip("rect", tooltip);
        return this;
    }

    public SvgWriter Circle(double cx, double cy, double r, string fill, string? cssClass = null, string? tooltip = null)
    {
        _svg.Append("<circle cx=\"").Append(Coordinate(cx)).Append("\" cy=\"").Append(Coordinate(cy))
            .Append("\" r=\"").Append(Coordinate(r)).Append("\" fill=\"").Append(fill).Append('"');
        AppendPaint("class", cssClass);
        CloseWithTooltip("circle", tooltip);
        return this;
    }

    public SvgWriter Polyline(IEnumerable<(double X, double Y)> points, string stroke, string cssClass = "series")
    {
        _svg.Append("<polyline fill=\"none\" stroke=\"").Append(stroke).Append("\" class=\"").Append(cssClass).Append("\" points=\"");
        var first = true;
        foreach (var (x, y) in points)
        {
            if (!first)
            {
                _svg.Append(' ');
            }

            _svg.Append(Coordinate(x)).Append(',').Append(Coordinate(y));
            first = false;
        }

        _svg.Append("\"/>");
        return this;
    }

    /// <summary>Text; <paramref name="anchor"/> is start, middle or end. <paramref name="rotate"/> turns it around (x, y).</summary>
    public SvgWriter Text(double x, double y, string text, string anchor = "start", string cssClass = "label", double rotate = 0, string? fill = null)
    {
        _svg.Append("<text x=\"").Append(Coordinate(x)).Append("\" y=\"").Append(Coordinate(y))
            .Append("\" text-anchor=\"").Append(anchor).Append("\" class=\"").Append(cssClass).Append('"');
        if (rotate != 0)
        {
            _svg.Append(" transform=\"rotate(").Append(Coordinate(rotate)).Append(' ')
                .Append(Coordinate(x)).Append(' ').Append(Coordinate(y)).Append(")\"");
        }

        if (fill is not null)
        {
            // A style, not a fill attribute: the page's CSS colours svg text and would win over an attribute.
            _svg.Append(" style=\"fill:").Append(fill).Append('"');
        }

        _svg.Append('>').Append(Markup.Encode(text)).Append("</text>");
        return this;
    }

    /// <summary>A legend row at the top (y 8-20): a square swatch and the label per entry, left to right from <paramref name="x"/>.</summary>
    public SvgWriter Legend(double x, IEnumerable<(string Label, string Color)> entries)
    {
        foreach (var (label, color) in entries)
        {
            Rect(x, 8, 12, 12, color);
            Text(x + 18, 18, label, "start", "legend");
            x += 36 + (label.Length * 7.2);
        }

        return this;
    }

    /// <summary>A horizontal interval from <paramref name="low"/> to <paramref name="high"/> at height <paramref name="mid"/>, with end caps of ± <paramref name="cap"/>.</summary>
    public SvgWriter Whisker(double low, double high, double mid, double cap)
    {
        Line(low, mid, high, mid, "whisker");
        Line(low, mid - cap, low, mid + cap, "whisker");
        return Line(high, mid - cap, high, mid + cap, "whisker");
    }

    public override string ToString() => _svg + "</svg>";

    private void AppendPaint(string attribute, string? value)
    {
        if (value is not null)
        {
            _svg.Append(' ').Append(attribute).Append("=\"").Append(value).Append('"');
        }
    }

    private void CloseWithTooltip(string element, string? tooltip)
    {
        if (tooltip is null)
        {
            _svg.Append("/>");
            return;
        }

        _svg.Append("><title>").Append(Markup.Encode(tooltip)).Append("</title></").Append(element).Append('>');
    }
}
