using Microsoft.ML;
using Microsoft.ML.Data;
using ModelPipeline.Data;
using ModelPipeline.MLNet.Data;
using ModelPipeline.MLNet.Format;
using ModelPipeline.Training;

namespace ModelPipeline.MLNet;

/// <summary>
/// A fitted ML.NET pipeline (featurization and trainer) as an <see cref="IScoringModel"/> of kind <c>mlnet</c>: it
/// reads frames through <see cref="FrameDataView"/> and answers with our <see cref="Predictions"/> (binary: the
/// <c>Probability</c> column, else the sigmoid of <c>Score</c>; multiclass: the <c>Score</c> vector in class order;
/// regression: <c>Score</c>).
/// </summary>
public sealed class MLNetModel : IScoringModel
{
    /// <summary>Rows per chunk when a batch is scored on several threads.</summary>
    private const int ChunkRows = 4096;

    private readonly MLContext _context;
    private readonly ITransformer _transformer;
    private readonly Lazy<byte[]> _bytes;

    /// <summary>
    /// The fitted chain as one row-to-row mapper over the inputs' schema, built once (as ML.NET's PredictionEngine does):
    /// scoring then pulls rows through it instead of running Transform's schema and bindings work on every call.
    /// Null when the chain is not row-to-row (scored through Transform instead).
    /// </summary>
    private readonly Lazy<(DataViewSchema Input, IRowToRowMapper Mapper, OutputColumns Output)?> _mapper;

    internal MLNetModel(MLContext context, ITransformer transformer, ModelSchema schema, string trainerType,
        IReadOnlyDictionary<string, string> parameters, IReadOnlyDictionary<string, string> framework, byte[]? bytes = null)
    {
        _context = context;
        _transformer = transformer;
        Schema = schema;
        TrainerType = trainerType;
        Parameters = parameters;
        Framework = framework;
        _mapper = new(() =>
        {
            if (!transformer.IsRowToRowMapper)
            {
                return null;
            }

            var input = FrameDataView.Of(schema, [.. EmptyInputs(schema)], 0, 0).Schema;
            var mapper = transformer.GetRowToRowMapper(input);
            return (input, mapper, OutputColumns.Find(mapper.OutputSchema, schema.Task));
        });
        _bytes = new Lazy<byte[]>(() => bytes ?? MLNetModelFile.Write(context, transformer, FrameDataView.Of(schema, [.. EmptyInputs(schema)], 0, 0).Schema,
            schema, trainerType, parameters, framework));
    }

    public string Kind => MLNetModelKind.Name;

    public ModelSchema Schema { get; }

    public string TrainerType { get; }

    public IReadOnlyDictionary<string, string> Parameters { get; }

    public IReadOnlyDictionary<string, string> Framework { get; }

    /// <summary>The fitted ML.NET transformer, for teams that want to use it directly.</summary>
    public ITransformer Transformer => _transformer;

    public byte[] ToBytes() => _bytes.Value;

    public Predictions Predict(Frame frame, int? threads)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var inputs = Schema.RequireInputs(frame);
        var rows = frame.RowCount;
        var classes = Schema.Classes.Count;
        var values = new double[rows];
        var probabilities = Schema.Task == TaskKind.Regression ? null : new double[rows * classes];
        var chunks = (rows + ChunkRows - 1) / ChunkRows;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount };
        if (chunks <= 1 || parallel.MaxDegreeOfParallelism == 1)
        {
            Score(inputs, 0, rows, values, probabilities);
        }
        else
        {
            Parallel.For(0, chunks, parallel, c =>
            {
                var start = c * ChunkRows;
                Score(inputs, start, Math.Min(ChunkRows, rows - start), values, probabilities);
            });
        }

        return new Predictions(Schema.Task, Schema.Classes, values, probabilities);
    }

    public override string ToString() =>
        $"{TrainerType} {Schema.Task.ToString().ToLowerInvariant()} ML.NET {Framework.GetValueOrDefault("mlnet_version", "")} model of '{Schema.Label}' from {Schema.Inputs.Count} inputs";

    private void Score(Column[] inputs, int start, int count, double[] values, double[]? probabilities)
    {
        DataViewRowCursor source;
        DataViewRow cursor;
        OutputColumns output;
        if (_mapper.Value is { } cached)
        {
            var view = FrameDataView.Of(Schema, inputs, start, count, cached.Input);
            source = view.GetRowCursor(view.Schema);
            cursor = cached.Mapper.GetRow(source, cached.Output.Needed);
            output = cached.Output;
        }
        else
        {
            var scored = _transformer.Transform(FrameDataView.Of(Schema, inputs, start, count));
            output = OutputColumns.Find(scored.Schema, Schema.Task);
            source = scored.GetRowCursor(output.Needed);
            cursor = source;
        }

        using var disposeSource = source;
        using var disposeRow = cursor == source ? null : cursor;
        var row = start;
        switch (Schema.Task)
        {
            case TaskKind.Binary:
            {
                var getter = cursor.GetGetter<float>(output.Probability ?? output.Score);
                var fromScore = output.Probability is null;
                float value = 0;
                while (source.MoveNext())
                {
                    getter(ref value);
                    var p = fromScore ? 1 / (1 + Math.Exp(-value)) : value;
                    probabilities![2 * row] = 1 - p;
                    probabilities[(2 * row) + 1] = p;
                    values[row] = p >= 0.5 ? 1 : 0;
                    row++;
                }

                break;
            }

            case TaskKind.Multiclass:
            {
                var classes = Schema.Classes.Count;
                var getter = cursor.GetGetter<VBuffer<float>>(output.Score);
                var buffer = default(VBuffer<float>);
                while (source.MoveNext())
                {
                    getter(ref buffer);
                    var best = 0;
                    var offset = row * classes;
                    foreach (var (slot, value) in buffer.Items())
                    {
                        if (slot < classes)
                        {
                            probabilities![offset + slot] = value;
                        }
                    }

                    for (var k = 1; k < classes; k++)
                    {
                        best = probabilities![offset + k] > probabilities[offset + best] ? k : best;
                    }

                    values[row] = best;
                    row++;
                }

                break;
            }

            default:
            {
                var getter = cursor.GetGetter<float>(output.Score);
                float value = 0;
                while (source.MoveNext())
                {
                    getter(ref value);
                    values[row++] = value;
                }

                break;
            }
        }
    }

    private static IEnumerable<Column> EmptyInputs(ModelSchema schema) =>
        schema.Inputs.Select(i => i.Kind == ColumnKind.Categorical ? Column.Categorical(i.Name, [], []) : Column.Numeric(i.Name, []));
}
