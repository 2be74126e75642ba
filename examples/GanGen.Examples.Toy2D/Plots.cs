using System.Collections.Generic;
using ScottPlot;

namespace GanGen.Examples.Toy2D;

/// <summary>The two PNGs the example writes: samples over data, and the training curves.</summary>
internal static class Plots
{
    public static void Scatter(string path, string title, float[] real, float[] generated)
    {
        var plot = new Plot();
        var realPoints = plot.Add.ScatterPoints(Xs(real), Ys(real));
        realPoints.LegendText = "real";
        realPoints.MarkerSize = 3;
        realPoints.Color = Colors.Gray.WithAlpha(0.5);
        var fakePoints = plot.Add.ScatterPoints(Xs(generated), Ys(generated));
        fakePoints.LegendText = "generated";
        fakePoints.MarkerSize = 3;
        fakePoints.Color = Colors.OrangeRed.WithAlpha(0.6);
        plot.Axes.SquareUnits();
        plot.Title(title);
        plot.ShowLegend();
        plot.SavePng(path, 800, 800);
    }

    public static void Curves(string path, IReadOnlyList<double> steps, IReadOnlyList<double> lossD, IReadOnlyList<double> lossG,
        IReadOnlyList<double> realScore, IReadOnlyList<double> fakeScore)
    {
        var plot = new Plot();
        Line(plot, steps, lossD, "loss D");
        Line(plot, steps, lossG, "loss G");
        Line(plot, steps, realScore, "mean D(x)");
        Line(plot, steps, fakeScore, "mean D(G(z))");
        plot.Title("Training curves");
        plot.XLabel("step");
        plot.ShowLegend();
        plot.SavePng(path, 1000, 500);
    }

    private static void Line(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<double> ys, string label)
    {
        var line = plot.Add.Scatter(ToArray(xs), ToArray(ys));
        line.LegendText = label;
        line.MarkerSize = 0;
    }

    private static double[] ToArray(IReadOnlyList<double> values)
    {
        var array = new double[values.Count];
        for (int i = 0; i < array.Length; i++) array[i] = values[i];
        return array;
    }

    private static double[] Xs(float[] points) => Column(points, 0);

    private static double[] Ys(float[] points) => Column(points, 1);

    private static double[] Column(float[] points, int column)
    {
        var values = new double[points.Length / 2];
        for (int i = 0; i < values.Length; i++) values[i] = points[2 * i + column];
        return values;
    }
}
