namespace GanGen.Runtime.Training;

/// <summary>A quality measure of generated samples; lower scores are better (e.g. a Fréchet distance).</summary>
/// <param name="Score">The number the best checkpoint is chosen by.</param>
/// <param name="Report">A human-readable report including sample counts.</param>
public readonly record struct Evaluation(double Score, string Report);
