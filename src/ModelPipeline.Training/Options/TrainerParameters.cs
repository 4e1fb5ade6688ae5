using System.Globalization;

namespace ModelPipeline.Training.Options;

/// <summary>A trainer's effective parameters (given ones checked and canonicalized, absent ones at their defaults).</summary>
internal sealed class TrainerParameters
{
    private readonly SortedDictionary<string, string> _values;

    private TrainerParameters(SortedDictionary<string, string> values) => _values = values;

    public IReadOnlyDictionary<string, string> Values => _values;

    public static TrainerParameters Resolve(string trainerType, IReadOnlyList<ParameterDefinition> definitions, IReadOnlyDictionary<string, string> given)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            values[definition.Name] = definition.Default;
        }

        var names = definitions.Select(d => d.Name).Order(StringComparer.Ordinal).ToArray();
        foreach (var (name, text) in given.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var definition = definitions.FirstOrDefault(d => d.Name == name)
                ?? throw new TrainingOptionsException(
                    $"Unknown parameter '{name}' for trainer '{trainerType}'.{TrainerCatalog.DidYouMean(name, names)} Valid parameters: {string.Join(", ", names)}.");
            values[name] = definition.Canonicalize(text ?? string.Empty)
                ?? throw new TrainingOptionsException(
                    $"Parameter '{name}' of trainer '{trainerType}' must be {definition.Expectation}; got '{text}'.");
        }

        return new TrainerParameters(values);
    }

    public static TrainerParameters FromSaved(IReadOnlyDictionary<string, string> values) =>
        new(new SortedDictionary<string, string>(values.ToDictionary(), StringComparer.Ordinal));

    public double Number(string name) => double.Parse(_values[name], NumberStyles.Float, CultureInfo.InvariantCulture);

    public int Integer(string name) => int.Parse(_values[name], NumberStyles.Integer, CultureInfo.InvariantCulture);

    public int? OptionalInteger(string name) => _values[name] == "none" ? null : Integer(name);

    public string Text(string name) => _values[name];
}
