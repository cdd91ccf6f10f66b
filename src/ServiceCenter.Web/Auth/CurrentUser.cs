using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using ServiceCenter.Data;
using ServiceCenter.Data.Identity;

namespace ServiceCenter.Web.Auth;

/// <summary>
/// The acting user for the audit trail and branch filters. In an HTTP request it is the request's
/// user; in a Blazor circuit the circuit handler below hands it the circuit's user, because
/// HttpContext is not reliable there.
/// </summary>
internal sealed class CurrentUser(IHttpContextAccessor http) : ICurrentUser
{
    public const string BranchClaim = "sc:branch";

    private ClaimsPrincipal? _circuitUser;

    private bool _system;

    private ClaimsPrincipal? Principal => _circuitUser ?? http.HttpContext?.User;

    public Guid? UserId => _system ? SystemUser.Instance.UserId
        : Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? UserName => _system ? SystemUser.Instance.UserName
        : Principal?.Identity?.IsAuthenticated == true ? Principal.Identity.Name : null;

    public IReadOnlyCollection<Guid>? BranchIds
    {
        get
        {
            if (_system || Principal is not { } p || p.IsInRole(Roles.Administrator))
            {
                return null;
            }

            // A signed-in user bound to no branch works in all of them (a one-branch shop never
            // has to think about branches); an anonymous caller sees none.
            if (p.Identity?.IsAuthenticated != true)
            {
                return [];
            }

            List<Guid> branches = [.. p.FindAll(BranchClaim).Select(c => Guid.Parse(c.Value))];
            return branches.Count == 0 ? null : branches;
        }
    }

    public bool IsInRole(string role) => _system || Principal?.IsInRole(role) == true;

    internal void SetCircuitUser(ClaimsPrincipal user) => _circuitUser = user;

    /// <summary>
    /// Start-up work outside any request (demo seeding, later jobs) acts as <see cref="SystemUser"/>,
    /// so the audit trail says "system" rather than nobody. Only for scopes the host itself creates.
    /// </summary>
    internal void ActAsSystem() => _system = true;
}

/// <summary>Keeps <see cref="CurrentUser"/> in step with the circuit's authentication state.</summary>
internal sealed class CurrentUserCircuitHandler(AuthenticationStateProvider auth, CurrentUser user) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken ct)
    {
        auth.AuthenticationStateChanged += OnChanged;
        user.SetCircuitUser((await auth.GetAuthenticationStateAsync()).User);
    }

    private void OnChanged(Task<AuthenticationState> task) =>
        _ = task.ContinueWith(t => user.SetCircuitUser(t.Result.User), TaskScheduler.Default);

    public void Dispose() => auth.AuthenticationStateChanged -= OnChanged;
}
