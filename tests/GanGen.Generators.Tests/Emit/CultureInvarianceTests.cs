using System.Globalization;
using System.Linq;
using GanGen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace GanGen.Generators.Tests.Emit;

/// <summary>Generated code and messages must not depend on the build machine's culture (decimal commas, digit groups).</summary>
public sealed class CultureInvarianceTests
{
    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("ar-SA")]
    public void Generated_code_and_messages_are_the_same_in_any_culture(string culture)
    {
        string code = SnapshotDeclarations.SmoothedBce;
        string bad = ToyGan.Valid.ToString().Replace("[Gan]", "[Gan(RealLabel = 0.4)]");
        var (expectedCode, expectedMessage) = InCulture(CultureInfo.InvariantCulture, code, bad);

        var (actualCode, actualMessage) = InCulture(CultureInfo.GetCultureInfo(culture), code, bad);

        Assert.Equal(expectedCode, actualCode);
        Assert.Equal(expectedMessage, actualMessage);
        Assert.Contains("LearningRate: 0.0004", actualCode);
        Assert.Contains("RealLabel is 0.4", actualMessage);
    }

    private static (string Code, string Message) InCulture(CultureInfo culture, string valid, string bad)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            if (culture.Name == "de-DE") Assert.Equal("0,5", 0.5.ToString(CultureInfo.CurrentCulture)); // the culture is real (ICU loaded)
            string code = GeneratorHarness.Run(valid).SingleSource;
            string message = GeneratorHarness.Run(bad).GeneratorDiagnostics.Single().GetMessage(CultureInfo.CurrentCulture);
            return (code, message);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }
}
