using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using ModelRbac.Core.Access;

namespace ModelRbac.PowerShell.Completion;

/// <summary>Completes -Route with the route templates the -Role (or every role) of the -Config may call.</summary>
public sealed class RouteCompleter : IArgumentCompleter
{
    /// <inheritdoc/>
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var config = CompletionConfig.From(fakeBoundParameters);
        var templates = new List<string>();
        if (config is not null)
        {
            var role = fakeBoundParameters["Role"] as string;
            foreach (var candidate in RbacRoles.IsRole(role) ? new[] { role! } : RbacRoles.All)
            {
                foreach (var grant in RoleRouteExpander.Expand(config, candidate, Semantics.Corrected))
                {
                    if (grant.Template is { Length: > 0 } template && template[0] == '/')
                    {
                        templates.Add(template);
                    }
                }
            }
        }

        return CompletionResults.Matching(templates, wordToComplete, "route");
    }
}
