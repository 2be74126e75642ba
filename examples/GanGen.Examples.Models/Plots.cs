using System.Collections.Generic;
using ScottPlot;

namespace GanGen.Examples.Models;

/// <summary>The examples' PNG plots: 2-D samples over data, and training curves (losses and D scores over steps).</summary>
public static class Plots
{
    /// <summary>Real and generated 2-D points ([x0, y0, x1, y1, …]) in one square plot of <paramref name="size"/> pixels.</summary>
    public static void Scatter(string path, string title, float[] real, float[] generated, int size = 800)
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
        plot.SavePng(path, size, size);
    }

    /// <summary>Losses and mean D scores against the step; NaN marks a value not measured at a step.</summary>
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

    /// <summary>Plots a metrics.csv written by TrainingRun (step, loss_d, loss_g, real_score, fake_score).</summary>
    public static void CurvesFromCsv(string csvPath, string pngPath)
    {
        var columns = new List<double>[5];
        for (int c = 0; c < columns.Length; c++) columns[c] = new List<double>();
        foreach (var line in System.IO.File.ReadLines(csvPath))
        {
            var cells = line.Split(',');
            if (cells.Length != 5 || !double.TryParse(cells[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)) continue;
            // An empty cell is a value not yet measured (loss G before the first generator update): no point.
            for (int c = 0; c < 5; c++) columns[c].Add(cells[c].Length == 0 ? double.NaN : double.Parse(cells[c], System.Globalization.CultureInfo.InvariantCulture));
        }
        Curves(pngPath, columns[0], columns[1], columns[2], columns[3], columns[4]);
    }

    /// <summary>One curve; NaN marks a value not measured at that step (it is left out, not drawn as a gap or zero).</summary>
    private static void Line(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<double> ys, string label)
    {
        var keptXs = new List<double>();
        var keptYs = new List<double>();
        for (int i = 0; i < ys.Count; i++)
        {
            if (double.IsNaN(ys[i])) continue;
            keptXs.Add(xs[i]);
            keptYs.Add(ys[i]);
        }
        var line = plot.Add.Scatter(keptXs.ToArray(), keptYs.ToArray());
        line.LegendText = label;
        line.MarkerSize = 0;
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
