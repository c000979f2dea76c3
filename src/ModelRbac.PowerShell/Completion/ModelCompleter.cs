using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace ModelRbac.PowerShell.Completion;

/// <summary>Completes -Model with the -Config's deployed model names (model_list[].model_name).</summary>
public sealed class ModelCompleter : IArgumentCompleter
{
    /// <inheritdoc/>
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var names = new List<string>();
        foreach (var deployment in CompletionConfig.From(fakeBoundParameters)?.Deployments ?? new Core.Config.Deployment[0])
        {
            if (deployment.ModelName.Missing is null && deployment.ModelName.Get() is { } name)
            {
                names.Add(name);
            }
        }

        return CompletionResults.Matching(names, wordToComplete, "deployed model");
    }
}
