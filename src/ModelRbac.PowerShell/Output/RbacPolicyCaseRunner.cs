using System.Collections.Generic;
using CorePolicy = ModelRbac.Core.PolicyTests;

namespace ModelRbac;

/// <summary>
/// Runs the cases of one Invoke-RbacPolicyTest call from inside its Pester tests (each It calls <see cref="Run"/>)
/// and remembers what they decided, for coverage. Not meant to be created by scripts.
/// </summary>
public sealed class RbacPolicyCaseRunner
{
    private readonly CorePolicy.PolicyCaseFile _file;
    private readonly CorePolicy.PolicyCaseEvaluator _evaluator;
    private readonly List<CorePolicy.PolicyCaseOutcome> _outcomes = new();

    internal RbacPolicyCaseRunner(CorePolicy.PolicyCaseFile file, CorePolicy.PolicyCaseEvaluator evaluator)
    {
        _file = file;
        _evaluator = evaluator;
    }

    internal IReadOnlyList<CorePolicy.PolicyCaseOutcome> Outcomes => _outcomes;

    /// <summary>Decides target <paramref name="targetIndex"/> of case <paramref name="caseIndex"/>.</summary>
    public RbacPolicyCaseResult Run(int caseIndex, int targetIndex)
    {
        var policyCase = _file.Cases[caseIndex];
        var outcome = _evaluator.Evaluate(policyCase, policyCase.Targets[targetIndex]);
        lock (_outcomes)
        {
            _outcomes.Add(outcome);
        }

        return new RbacPolicyCaseResult(outcome);
    }
}
