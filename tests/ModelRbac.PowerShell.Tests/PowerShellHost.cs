using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using ModelRbac.PowerShell.Commands;

namespace ModelRbac.PowerShell.Tests;

/// <summary>An in-process runspace with the ModelRbac cmdlets registered directly (no module loading).</summary>
internal sealed class PowerShellHost : IDisposable
{
    private readonly Runspace _runspace;

    public PowerShellHost()
    {
        var state = InitialSessionState.CreateDefault2();
        state.Commands.Add(new SessionStateCmdletEntry("Import-RbacConfig", typeof(ImportRbacConfigCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Test-ModelAccess", typeof(TestModelAccessCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Expand-RolePermission", typeof(ExpandRolePermissionCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Get-JwtRbacRole", typeof(GetJwtRbacRoleCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Test-RouteAccess", typeof(TestRouteAccessCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Expand-RoleRoute", typeof(ExpandRoleRouteCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Invoke-RbacPolicyTest", typeof(InvokeRbacPolicyTestCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Get-RbacAccessMatrix", typeof(GetRbacAccessMatrixCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Compare-RbacConfig", typeof(CompareRbacConfigCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Test-RbacConfig", typeof(TestRbacConfigCommand), null));
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
    }

    public (Collection<PSObject> Output, List<ErrorRecord> Errors, List<string> Warnings) Run(string script, IDictionary<string, object?>? variables = null)
    {
        using var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = _runspace;
        foreach (var variable in variables ?? new Dictionary<string, object?>())
        {
            _runspace.SessionStateProxy.SetVariable(variable.Key, variable.Value);
        }

        shell.AddScript(script);
        Collection<PSObject> output;
        var errors = new List<ErrorRecord>();
        try
        {
            output = shell.Invoke();
        }
        catch (RuntimeException ex)
        {
            output = new Collection<PSObject>();
            errors.Add(ex.ErrorRecord);
        }

        errors.AddRange(shell.Streams.Error);
        var warnings = new List<string>();
        foreach (var warning in shell.Streams.Warning)
        {
            warnings.Add(warning.Message);
        }

        return (output, errors, warnings);
    }

    public void Dispose() => _runspace.Dispose();
}
