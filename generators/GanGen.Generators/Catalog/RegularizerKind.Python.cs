using System.Text;
using GanGen.Generators.Model;

namespace GanGen.Generators.Catalog;

// The PyTorch twin of each regulariser: its class (emitted once into model.py when declared), its construction and
// the same hooks as the TorchSharp trainer's. The class and construction are abstract, so a regulariser cannot exist
// without its twin; TwinOracleTests train both frameworks side by side with each one declared.
internal abstract partial class RegularizerKind
{
    /// <summary>
    /// The twin's Python class (named <see cref="Name"/>). Term methods may call model.py's <c>score(nets, samples,
    /// labels)</c>; random numbers come from <c>draws</c>, so tests can feed GanGen's own.
    /// </summary>
    public abstract string PythonDefinition { get; }

    /// <summary>The constructor call, e.g. <c>GradientPenalty(weight=10.0)</c>.</summary>
    public abstract string PythonConstruct(RegularizerSpec spec);

    /// <summary>The attribute of the twin's Gan module holding it: <c>gradient_penalty</c>.</summary>
    public string PythonField
    {
        get
        {
            var name = new StringBuilder();
            foreach (char c in Name)
            {
                if (char.IsUpper(c) && name.Length > 0) name.Append('_');
                name.Append(char.ToLowerInvariant(c));
            }
            return name.ToString();
        }
    }

    /// <summary>As <see cref="DiscriminatorTerm"/>, in Python on <c>nets, real, fake, labels, sources, draws</c>; null when none.</summary>
    public virtual string? PythonDiscriminatorTerm(RegularizerSpec spec) => null;

    /// <summary>As <see cref="GeneratorTerm"/>, in Python on <c>nets, real, fake, labels, sources, draws</c>; null when none.</summary>
    public virtual string? PythonGeneratorTerm(RegularizerSpec spec) => null;

    /// <summary>As <see cref="AfterDiscriminatorUpdate"/>, a Python statement on <c>nets</c>; null when none.</summary>
    public virtual string? PythonAfterDiscriminatorUpdate(RegularizerSpec spec) => null;

    /// <summary>As <see cref="DiscriminatorFakes"/>, a Python expression on <c>nets, fake, draws</c>; null when none.</summary>
    public virtual string? PythonDiscriminatorFakes(RegularizerSpec spec) => null;
}
