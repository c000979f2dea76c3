using System;
using System.Management.Automation;

namespace ModelRbac.PowerShell.Infrastructure;

/// <summary>
/// The engine's PostCommandLookupAction while ModelRbac is loaded: when one of Pester's entry points (Should,
/// Invoke-Pester, Get-ShouldOperator) is looked up, it runs the module's registration of its Should operators, so
/// Pester imported after ModelRbac gets them before Should binds its parameters. A compiled handler, because the
/// engine calls it on every command lookup (a script block here cost about 7 µs per command). Used by
/// ModelRbac.Pester.ps1; not meant for scripts.
/// </summary>
public sealed class PesterOperatorHook
{
    private readonly ScriptBlock _register;
    private bool _registering;

    /// <summary>Wraps <paramref name="register"/> and chains <paramref name="previous"/> (the action that was set before).</summary>
    public PesterOperatorHook(ScriptBlock register, EventHandler<CommandLookupEventArgs>? previous)
    {
        _register = register ?? throw new ArgumentNullException(nameof(register));
        Previous = previous;
        Handler = OnLookup;
    }

    /// <summary>The handler to assign to PostCommandLookupAction.</summary>
    public EventHandler<CommandLookupEventArgs> Handler { get; }

    /// <summary>The action that was set before, restored when the module is removed.</summary>
    public EventHandler<CommandLookupEventArgs>? Previous { get; }

    private void OnLookup(object? sender, CommandLookupEventArgs e)
    {
        if (!_registering && IsPesterEntryPoint(e.CommandName))
        {
            _registering = true;
            try
            {
                _register.Invoke();
            }
            catch (RuntimeException)
            {
                // The registration warns about what it could not do; a lookup must never fail because of it.
            }
            finally
            {
                _registering = false;
            }
        }

        Previous?.Invoke(sender, e);
    }

    /// <summary>
    /// True when a Pester 5 may be loaded: its assembly is in the process. A cheap test that spares an import without
    /// Pester the cost of Get-Module; a Pester it misses is still served by the lookup hook.
    /// </summary>
    public static bool IsPesterAssemblyLoaded()
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (string.Equals(assembly.GetName().Name, "Pester", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPesterEntryPoint(string? name)
    {
        if (name is null)
        {
            return false;
        }

        var slash = name.LastIndexOf('\\');
        var bare = slash < 0 ? name : name.Substring(slash + 1);
        return bare.Equals("Should", StringComparison.OrdinalIgnoreCase)
            || bare.Equals("Invoke-Pester", StringComparison.OrdinalIgnoreCase)
            || bare.Equals("Get-ShouldOperator", StringComparison.OrdinalIgnoreCase);
    }
}
