// Training tests seed TorchSharp's global RNG; running them concurrently would interleave draws and break the
// reproducibility assertions (and 2-core CI machines gain nothing from parallel training).
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
