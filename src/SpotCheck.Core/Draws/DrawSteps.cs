using System.Diagnostics;

namespace SpotCheck.Core.Draws;

/// <summary>
/// Tracing spans for the steps of a freeze and a run ("SpotCheck.Draws"): free when nobody listens; bench/draw-plan-1m.sh
/// listens and prints each step's time, and an OpenTelemetry exporter would show them as child spans.
/// </summary>
public sealed class DrawSteps : IDisposable
{
    /// <summary>The source's name, for listeners: reading <see cref="Source"/> from a listener's filter would re-enter this type's initialiser.</summary>
    public const string SourceName = "SpotCheck.Draws";

    public static readonly ActivitySource Source = new(SourceName);

    readonly Activity? _operation;
    Activity? _step;

    DrawSteps(Activity? operation) => _operation = operation;

    public static DrawSteps Begin(string operation) => new(Source.StartActivity(operation));

    /// <summary>Ends the current step and starts <paramref name="step"/>.</summary>
    public void Next(string step)
    {
        _step?.Dispose();
        _step = _operation is null ? null : Source.StartActivity(_operation.OperationName + "." + step);
    }

    public void Dispose()
    {
        _step?.Dispose();
        _operation?.Dispose();
    }
}
