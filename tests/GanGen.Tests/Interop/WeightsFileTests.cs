using System.Collections.Generic;
using System.IO;
using System.Linq;
using GanGen.Examples.Models;
using GanGen.Runtime.Interop;
using GanGen.Tests.Declarations;
using GanGen.Tests.Interop.Twin;
using static TorchSharp.torch;

namespace GanGen.Tests.Interop;

/// <summary>
/// SaveWeights / LoadWeights: both networks' parameters and buffers under the PyTorch twin's state_dict names, a
/// round trip that restores what sampling reads (weights, batch-norm statistics and counts, label tables, the moving
/// average), and one-line errors for files that do not fit the declaration.
/// </summary>
public sealed class WeightsFileTests : TemporaryFolderTests
{
    public WeightsFileTests() : base("gangen-weights")
    {
    }

    [Fact]
    public void Names_are_the_twins_state_dict_names_with_buffers_and_label_modules()
    {
        using var gan = new ConditionalDcgan(seed: 1);
        gan.SaveWeights(PathOf("weights.safetensors"));

        using var file = SafeTensors.Read(PathOf("weights.safetensors"));
        var expected = new[]
        {
            "discriminator.Down1.weight", "discriminator.Down2.weight", "discriminator.Down2Norm.bias", "discriminator.Down2Norm.num_batches_tracked",
            "discriminator.Down2Norm.running_mean", "discriminator.Down2Norm.running_var", "discriminator.Down2Norm.weight", "discriminator.LabelProjection.weight",
            "discriminator.Score.bias", "discriminator.Score.weight", "generator.LabelEmbedding.weight", "generator.Project.weight",
            "generator.ProjectNorm.bias", "generator.ProjectNorm.num_batches_tracked", "generator.ProjectNorm.running_mean", "generator.ProjectNorm.running_var",
            "generator.ProjectNorm.weight", "generator.Up1.weight", "generator.Up1Norm.bias", "generator.Up1Norm.num_batches_tracked",
            "generator.Up1Norm.running_mean", "generator.Up1Norm.running_var", "generator.Up1Norm.weight", "generator.Up2.weight",
        };
        Assert.Equal(expected, file.Names);
        Assert.Equal(ScalarType.Int64, file.Tensors["generator.ProjectNorm.num_batches_tracked"].dtype);
        Assert.Equal(new long[] { 10, 50 }, file.Tensors["generator.LabelEmbedding.weight"].shape);
        Assert.Equal("ConditionalDcgan", file.Metadata["gangen.gan"]);
    }

    [Fact]
    public void A_round_trip_restores_weights_statistics_counts_and_what_sampling_draws()
    {
        using var trained = new SmallBceGan(seed: 1);
        for (int i = 0; i < 3; i++) trained.Step(randn(8, 4).tanh());
        trained.SaveWeights(PathOf("weights.safetensors"));

        using var restored = new SmallBceGan(seed: 2);
        restored.LoadWeights(PathOf("weights.safetensors"));

        // Every training step counts one generator batch (two when the generator updates through the discriminator's pass).
        Assert.Equal(trained.Generator.Norm.num_batches_tracked!.item<long>(), restored.Generator.Norm.num_batches_tracked!.item<long>());
        Assert.True(trained.Generator.Norm.num_batches_tracked!.item<long>() > 0);
        Assert.Equal(trained.Generator.Norm.running_mean!.data<float>().ToArray(), restored.Generator.Norm.running_mean!.data<float>().ToArray());
        using var noise = randn(5, 6);
        using var expected = trained.Generate(noise);
        using var actual = restored.Generate(noise);
        Assert.Equal(expected.data<float>().ToArray(), actual.data<float>().ToArray());

        // Loaded in place: the optimizer's flat buffer still holds the parameters, so training goes on from them.
        Assert.Equal(restored.GeneratorParameters.Values.data<float>().ToArray(), trained.GeneratorParameters.Values.data<float>().ToArray());
        restored.Step(randn(8, 4).tanh());
        Assert.NotEqual(trained.GeneratorParameters.Values.data<float>().ToArray(), restored.GeneratorParameters.Values.data<float>().ToArray());
    }

    [Fact]
    public void The_moving_average_travels_as_generator_average()
    {
        using var trained = new PackedOracleGan(seed: 1);
        for (int i = 0; i < 4; i++) trained.Step(randn(8, 2));
        trained.SaveWeights(PathOf("weights.safetensors"));
        using (var file = SafeTensors.Read(PathOf("weights.safetensors")))
        {
            Assert.Contains("generator_average.Hidden.weight", file.Names);
            Assert.Contains("generator_average.Norm.running_var", file.Names);
            Assert.NotEqual(file.Tensors["generator.Hidden.weight"].data<float>().ToArray(), file.Tensors["generator_average.Hidden.weight"].data<float>().ToArray());
        }

        using var restored = new PackedOracleGan(seed: 2);
        restored.LoadWeights(PathOf("weights.safetensors"));
        using var noise = randn(5, 3);
        using var expected = trained.Generate(noise);
        using var actual = restored.Generate(noise);
        Assert.Equal(expected.data<float>().ToArray(), actual.data<float>().ToArray());
    }

    [Fact]
    public void Spectral_norm_vectors_and_minibatch_discrimination_travel_and_the_power_iteration_goes_on_from_them()
    {
        using var trained = new SpectralOracleGan(seed: 1);
        for (int i = 0; i < 3; i++) trained.Step(randn(8, 1, 4, 4).tanh());
        trained.SaveWeights(PathOf("spectral.safetensors"));
        using (var file = SafeTensors.Read(PathOf("spectral.safetensors")))
        {
            foreach (string layer in new[] { "generator.Project", "generator.Up", "generator.Output", "generator_average.Up", "discriminator.Down", "discriminator.Score" })
            {
                Assert.Contains(layer + ".weight_u", file.Names);
                Assert.Contains(layer + ".weight_v", file.Names);
            }
        }

        using var restored = new SpectralOracleGan(seed: 2);
        restored.LoadWeights(PathOf("spectral.safetensors"));
        using var noise = randn(5, 4);
        using (var expected = trained.Generate(noise))
        using (var actual = restored.Generate(noise))
            Assert.Equal(expected.data<float>().ToArray(), actual.data<float>().ToArray());

        // The next power iteration starts from the loaded u and v: a training-mode forward of each discriminator gives
        // the same scores and leaves the same vectors, bit for bit.
        using var batch = randn(8, 1, 4, 4).tanh();
        var scores = new List<float[]>();
        foreach (var gan in new[] { trained, restored })
        {
            using var _ = no_grad();
            using var output = gan.Discriminator.forward(batch);
            scores.Add(output.data<float>().ToArray());
        }
        Assert.Equal(scores[0], scores[1]);
        foreach (string vector in new[] { "weight_u", "weight_v" })
            Assert.Equal(trained.Discriminator.Down.get_buffer(vector)!.data<float>().ToArray(), restored.Discriminator.Down.get_buffer(vector)!.data<float>().ToArray());

        using var minibatch = new BatchStatisticsOracleGan(seed: 1);
        minibatch.SaveWeights(PathOf("minibatch.safetensors"));
        using var file2 = SafeTensors.Read(PathOf("minibatch.safetensors"));
        Assert.Equal(new long[] { 9, 6 }, file2.Tensors["discriminator.Similar.weight"].shape);
    }

    [Fact]
    public void A_missing_tensor_is_one_line_naming_it_and_leaves_the_networks_untouched()
    {
        using var gan = new SmallBceGan(seed: 1);
        var tensors = Saved(gan);
        tensors.Remove("generator.Norm.running_mean");
        SafeTensors.Write(PathOf("partial.safetensors"), tensors);
        using var other = new SmallBceGan(seed: 5);
        var before = other.GeneratorParameters.Values.data<float>().ToArray();
        var error = Assert.Throws<InvalidDataException>(() => other.LoadWeights(PathOf("partial.safetensors")));

        Assert.Equal($"'{PathOf("partial.safetensors")}' does not match SmallBceGan: missing tensor 'generator.Norm.running_mean' (Float32 [16]).", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(before, other.GeneratorParameters.Values.data<float>().ToArray());
    }

    [Fact]
    public void A_wrong_shape_or_dtype_is_one_line_naming_the_tensor_and_both_values()
    {
        using var gan = new SmallBceGan(seed: 1);
        var tensors = Saved(gan);
        tensors["discriminator.Score.weight"] = zeros(2, 16);
        SafeTensors.Write(PathOf("shape.safetensors"), tensors);
        var shape = Assert.Throws<InvalidDataException>(() => gan.LoadWeights(PathOf("shape.safetensors")));
        Assert.EndsWith("does not match SmallBceGan: tensor 'discriminator.Score.weight' has shape [2, 16] in the file but [1, 16] in SmallBceGan.", shape.Message);

        tensors = Saved(gan);
        tensors["generator.Output.bias"] = zeros(4, dtype: float64);
        tensors["extra.weight"] = zeros(1);
        SafeTensors.Write(PathOf("dtype.safetensors"), tensors);
        var dtype = Assert.Throws<InvalidDataException>(() => gan.LoadWeights(PathOf("dtype.safetensors")));
        Assert.EndsWith("does not match SmallBceGan: tensor 'generator.Output.bias' has dtype Float64 in the file but Float32 in SmallBceGan (and 1 more).", dtype.Message);
    }

    [Fact]
    public void Weights_of_another_gan_say_whose_they_are()
    {
        using var ring = new RingGan(seed: 1);
        ring.SaveWeights(PathOf("ring.safetensors"));
        using var gan = new SmallBceGan(seed: 1);

        var error = Assert.Throws<InvalidDataException>(() => gan.LoadWeights(PathOf("ring.safetensors")));

        Assert.StartsWith($"'{PathOf("ring.safetensors")}' (weights of RingGan) does not match SmallBceGan: missing tensor", error.Message);
        Assert.Throws<FileNotFoundException>(() => gan.LoadWeights(PathOf("absent.safetensors")));
    }

    private Dictionary<string, Tensor> Saved(SmallBceGan gan)
    {
        gan.SaveWeights(PathOf("saved.safetensors"));
        using var file = SafeTensors.Read(PathOf("saved.safetensors"));
        return file.Tensors.ToDictionary(entry => entry.Key, entry => entry.Value.clone());
    }
}
