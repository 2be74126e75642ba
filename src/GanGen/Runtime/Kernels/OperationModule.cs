using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Kernels;

/// <summary>An operation (activation, pooling, upsampling) as a module without parameters, so the kernel check runs it like a layer.</summary>
internal sealed class OperationModule : nn.Module<Tensor, Tensor>
{
    private readonly Func<Tensor, Tensor> _operation;

    public OperationModule(string name, Func<Tensor, Tensor> operation) : base(name) => _operation = operation;

    public override Tensor forward(Tensor input) => _operation(input);
}
