using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using ModelRbac.Core.Access;

namespace ModelRbac.PowerShell.Completion;

/// <summary>Completes -Role: the roles the -Config's role_permissions names first, then the other RBAC roles.</summary>
public sealed class RoleCompleter : IArgumentCompleter
{
    /// <inheritdoc/>
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var roles = new List<string>();
        foreach (var entry in CompletionConfig.From(fakeBoundParameters)?.RolePermissions ?? new Core.Config.RolePermissionEntry[0])
        {
            if (entry.Role.Missing is null && entry.Role.Get() is { } role)
            {
                roles.Add(role);
            }
        }

        roles.AddRange(RbacRoles.All);
        return CompletionResults.Matching(roles, wordToComplete, "RBAC role");
    }
}
