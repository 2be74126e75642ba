using System.Collections.Immutable;
using GanGen.Generators.Diagnostics;
using GanGen.Generators.Emit;
using GanGen.Generators.Model;
using GanGen.Generators.Parsing;
using GanGen.Generators.Validation;
using Microsoft.CodeAnalysis;

namespace GanGen.Generators;

/// <summary>
/// Compiles [Gan] declarations: parse → validate → emit. Diagnostics and source are separate outputs, so an edit
/// that changes only locations (whitespace, comments) re-reports diagnostics without regenerating code.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GanSourceGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var declarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Language.Attributes.Gan,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                static (ctx, ct) => GanParser.Parse(ctx, ct))
            .Where(static declaration => declaration is not null)
            .WithTrackingName(TrackingNames.Declarations);

        var validated = declarations
            .Select(static (declaration, _) => GanValidator.Validate(declaration!))
            .WithTrackingName(TrackingNames.Validated);

        var diagnostics = validated
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        var specs = validated
            .Select(static (result, _) => result.Spec)
            .Where(static spec => spec is not null)
            .WithTrackingName(TrackingNames.Specs);

        var recoveries = validated
            .Select(static (result, _) => result.Recovery)
            .Where(static recovery => recovery is not null)
            .WithTrackingName(TrackingNames.Recoveries);

        // A block is emitted once, in its own file, from the uses every valid GAN of the compilation makes of it.
        var blocks = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Language.Attributes.Block,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                static (ctx, ct) => GanParser.ParseBlock(ctx, ct))
            .Where(static block => block is not null)
            .WithTrackingName(TrackingNames.Blocks);

        var blockUses = specs
            .Collect()
            .Select(static (all, _) => BlockPlanner.Uses(all))
            .WithTrackingName(TrackingNames.BlockUses);

        var blockOutputs = blocks
            .Combine(blockUses)
            .Select(static (pair, _) => BlockPlanner.Plan(pair.Left!, pair.Right))
            .Where(static output => output is not null)
            .WithTrackingName(TrackingNames.BlockOutputs);

        context.RegisterSourceOutput(blockOutputs, static (spc, block) =>
        {
            foreach (var item in block!.Diagnostics) spc.ReportDiagnostic(item.ToDiagnostic());
            spc.AddSource(BlockFileEmitter.HintName(block), BlockFileEmitter.Emit(block));
        });

        context.RegisterSourceOutput(diagnostics, static (spc, items) =>
        {
            foreach (var item in items) spc.ReportDiagnostic(item.ToDiagnostic());
        });

        context.RegisterSourceOutput(specs, static (spc, spec) =>
            spc.AddSource(GanEmitter.HintName(spec!), GanEmitter.Emit(spec!)));

        context.RegisterSourceOutput(recoveries, static (spc, recovery) =>
            spc.AddSource(RecoveryEmitter.HintName(recovery!), RecoveryEmitter.Emit(recovery!)));
    }
}
