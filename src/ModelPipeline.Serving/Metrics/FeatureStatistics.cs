using ModelPipeline.Data;
using ModelPipeline.Training;

namespace ModelPipeline.Serving.Metrics;

/// <summary>
/// Running summaries of the scored inputs for drift monitoring: per numeric/boolean feature the count of present
/// values, their sum and sum of squares, and missing values; per categorical feature counts per training level
/// (the first <see cref="MaxLevels"/> levels; later ones as <c>__other__</c>), unseen levels as <c>__unknown__</c>.
/// </summary>
internal sealed class FeatureStatistics
{
    public const int MaxLevels = 50;
    public const string OtherLevel = "__other__";
    public const string UnknownLevel = "__unknown__";

    private readonly IReadOnlyList<InputColumn> _inputs;
    private readonly long[] _present;
    private readonly long[] _missing;
    private readonly double[] _sums;
    private readonly double[] _squares;
    private readonly long[][] _levels;

    public FeatureStatistics(IReadOnlyList<InputColumn> inputs)
    {
        _inputs = inputs;
        _present = new long[inputs.Count];
        _missing = new long[inputs.Count];
        _sums = new double[inputs.Count];
        _squares = new double[inputs.Count];
        _levels = new long[inputs.Count][];
        for (var i = 0; i < inputs.Count; i++)
        {
            // Known levels up to the cap, then "other", then "unknown".
            _levels[i] = inputs[i].Kind == ColumnKind.Categorical ? new long[Math.Min(inputs[i].Categories.Count, MaxLevels) + 2] : [];
        }
    }

    /// <summary>Adds the rows of a frame built by the request readers (inputs in schema order, known levels first).</summary>
    public void Observe(Frame inputs)
    {
        for (var i = 0; i < _inputs.Count; i++)
        {
            var column = inputs.Columns[i];
            if (column.Numbers is { } numbers)
            {
                ObserveNumbers(i, numbers);
            }
            else
            {
                ObserveCodes(i, column.Codes!);
            }
        }
    }

    public void Write(PrometheusText text, string modelLabels)
    {
        text.Family("modelpipeline_feature_present_total", "counter", "Scored values present per numeric or boolean feature.");
        ForNumeric(i => text.Sample("modelpipeline_feature_present_total", Labels(modelLabels, i), Volatile.Read(ref _present[i])));
        text.Family("modelpipeline_feature_missing_total", "counter", "Scored values missing per feature.");
        for (var i = 0; i < _inputs.Count; i++)
        {
            text.Sample("modelpipeline_feature_missing_total", Labels(modelLabels, i), Volatile.Read(ref _missing[i]));
        }

        text.Family("modelpipeline_feature_sum", "counter", "Sum of the present values per numeric or boolean feature.");
        ForNumeric(i => text.Sample("modelpipeline_feature_sum", Labels(modelLabels, i), Volatile.Read(ref _sums[i])));
        text.Family("modelpipeline_feature_sum_squares", "counter", "Sum of squares of the present values per numeric or boolean feature.");
        ForNumeric(i => text.Sample("modelpipeline_feature_sum_squares", Labels(modelLabels, i), Volatile.Read(ref _squares[i])));
        text.Family("modelpipeline_feature_level_total", "counter", "Scored values per level of each categorical feature (capped; unseen levels as __unknown__).");
        for (var i = 0; i < _inputs.Count; i++)
        {
            var counts = _levels[i];
            for (var level = 0; level < counts.Length; level++)
            {
                var name = level == counts.Length - 1 ? UnknownLevel : level == counts.Length - 2 ? OtherLevel : _inputs[i].Categories[level];
                text.Sample("modelpipeline_feature_level_total", $"{Labels(modelLabels, i)},{PrometheusText.Label("level", name)}", Volatile.Read(ref counts[level]));
            }
        }
    }

    private void ObserveNumbers(int feature, double[] numbers)
    {
        long present = 0;
        double sum = 0, squares = 0;
        foreach (var value in numbers)
        {
            if (double.IsFinite(value))
            {
                present++;
                sum += value;
                squares += value * value;
            }
        }

        var missing = numbers.Length - present;
        if (present > 0)
        {
            Interlocked.Add(ref _present[feature], present);
            AtomicDouble.Add(ref _sums[feature], sum);
            AtomicDouble.Add(ref _squares[feature], squares);
        }

        if (missing > 0)
        {
            Interlocked.Add(ref _missing[feature], missing);
        }
    }

    private void ObserveCodes(int feature, int[] codes)
    {
        var counts = _levels[feature];
        var known = _inputs[feature].Categories.Count;
        var capped = counts.Length - 2;
        foreach (var code in codes)
        {
            if (code < 0)
            {
                Interlocked.Increment(ref _missing[feature]);
            }
            else
            {
                Interlocked.Increment(ref counts[code >= known ? counts.Length - 1 : code >= capped ? counts.Length - 2 : code]);
            }
        }
    }

    private void ForNumeric(Action<int> write)
    {
        for (var i = 0; i < _inputs.Count; i++)
        {
            if (_inputs[i].Kind != ColumnKind.Categorical)
            {
                write(i);
            }
        }
    }

    private string Labels(string modelLabels, int feature) => $"{modelLabels},{PrometheusText.Label("feature", _inputs[feature].Name)}";
}
