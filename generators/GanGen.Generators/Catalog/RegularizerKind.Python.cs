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

    /// <summary>The constructor call, e.g. <c>GradientPenalty(weight=10.0)</c>; <paramref name="loss"/> is the declared loss, for a kind that reshapes it.</summary>
    public abstract string PythonConstruct(RegularizerSpec spec, LossSpec loss);

    /// <summary>The twin's expression for this regulariser's object on the Gan module: <c>nets.gan.gradient_penalty</c>.</summary>
    protected string PythonObject => "nets.gan." + PythonField;

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

    /// <summary>
    /// As <see cref="DiscriminatorTerm"/>, in Python on <c>nets, real, fake, labels, sources, draws, step</c> (step: the
    /// trainer's step count, GanGen's StepCount); null when none. A term may be None on a step it skips.
    /// </summary>
    public virtual string? PythonDiscriminatorTerm(RegularizerSpec spec) => null;

    /// <summary>As <see cref="GeneratorTerm"/>, in Python on <c>nets, real, fake, labels, sources, draws, step</c>; null when none.</summary>
    public virtual string? PythonGeneratorTerm(RegularizerSpec spec) => null;

    /// <summary>As <see cref="BeforeDiscriminatorStep"/>, a Python statement on <c>nets</c> run between the discriminator's backward and its optimizer step; null when none.</summary>
    public virtual string? PythonBeforeDiscriminatorStep(RegularizerSpec spec) => null;

    /// <summary>As <see cref="BeforeGeneratorStep"/>, a Python statement on <c>nets</c> run between the generator's backward and its optimizer step; null when none.</summary>
    public virtual string? PythonBeforeGeneratorStep(RegularizerSpec spec) => null;

    /// <summary>As <see cref="DiscriminatorInput"/>, a Python expression on <c>nets, samples, step, draws</c> giving what the discriminator sees instead (or None); null when none.</summary>
    public virtual string? PythonDiscriminatorInput(RegularizerSpec spec) => null;

    /// <summary>As <see cref="LossOption"/>: the Python object the declared loss consults (its targets), on <c>nets</c>; null when none.</summary>
    public virtual string? PythonLossOption(RegularizerSpec spec) => null;

    /// <summary>
    /// As <see cref="DeclarationArguments"/>: the attribute of the twin's Gan module that gangen_twin.py's trainer
    /// consults for the schedule setting (the trainer reads it by this name), or null for a kind that sets none.
    /// </summary>
    public virtual string? PythonSchedule(RegularizerSpec spec) => null;

    /// <summary>As <see cref="AfterDiscriminatorUpdate"/>, a Python statement on <c>nets</c>; null when none.</summary>
    public virtual string? PythonAfterDiscriminatorUpdate(RegularizerSpec spec) => null;

    /// <summary>As <see cref="DiscriminatorFakes"/>, a Python expression on <c>nets, fake, draws</c>; null when none.</summary>
    public virtual string? PythonDiscriminatorFakes(RegularizerSpec spec) => null;
}
