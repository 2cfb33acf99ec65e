using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Showroom.Agents;
using Showroom.Auth;
using Showroom.Conversations;
using Showroom.Dealers;
using Showroom.Presence;
using Showroom.Routing;

namespace Showroom.Data;

/// <summary>
/// The one model of Showroom. Each database provider has a subclass that owns its migrations
/// (<see cref="SqliteShowroomDb"/>, <see cref="PostgresShowroomDb"/>); code depends on this type only.
/// </summary>
public abstract class ShowroomDb(DbContextOptions options)
    : IdentityUserContext<Agent, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<DealerGroup> DealerGroups => Set<DealerGroup>();
    public DbSet<Dealer> Dealers => Set<Dealer>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<DealerMembership> DealerMemberships => Set<DealerMembership>();
    public DbSet<DepartmentMembership> DepartmentMemberships => Set<DepartmentMembership>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AgentSession> AgentSessions => Set<AgentSession>();
    public DbSet<AgentState> AgentStates => Set<AgentState>();
    public DbSet<ConnectionLease> ConnectionLeases => Set<ConnectionLease>();
    public DbSet<StatusChange> StatusChanges => Set<StatusChange>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<ChatMessage> Messages => Set<ChatMessage>();
    public DbSet<Lead> Leads => Set<Lead>();
    public DbSet<ChatOffer> ChatOffers => Set<ChatOffer>();
    public DbSet<RoutingEvent> RoutingEvents => Set<RoutingEvent>();
    public DbSet<Canned.CannedResponse> CannedResponses => Set<Canned.CannedResponse>();
    public DbSet<VisitorBlock> VisitorBlocks => Set<VisitorBlock>();
    public DbSet<PrivateNote> PrivateNotes => Set<PrivateNote>();
    public DbSet<Internal.InternalThread> InternalThreads => Set<Internal.InternalThread>();
    public DbSet<Internal.InternalMessage> InternalMessages => Set<Internal.InternalMessage>();
    public DbSet<Internal.InternalReadMark> InternalReadMarks => Set<Internal.InternalReadMark>();
    public DbSet<Notifications.ExtensionDevice> ExtensionDevices => Set<Notifications.ExtensionDevice>();
    public DbSet<Notifications.WebPushSubscription> WebPushSubscriptions => Set<Notifications.WebPushSubscription>();
    public DbSet<Notifications.ServerKey> ServerKeys => Set<Notifications.ServerKey>();
    public DbSet<HolidayClosure> HolidayClosures => Set<HolidayClosure>();
    public DbSet<People.Invitation> Invitations => Set<People.Invitation>();
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Agent>(agent =>
        {
            agent.ToTable("Agents");
            agent.Property(a => a.FirstName).HasMaxLength(100);
            agent.Property(a => a.LastName).HasMaxLength(100);
            agent.Property(a => a.Role).HasConversion<string>().HasMaxLength(16);
            agent.Property(a => a.Locale).HasMaxLength(16);
            agent.Property(a => a.TimeZone).HasMaxLength(64);
            agent.Property(a => a.HeadshotVersion).HasMaxLength(32);
            agent.Property(a => a.HeadshotFileName).HasMaxLength(255);
            agent.HasOne<Dealer>().WithMany().HasForeignKey(a => a.PrimaryDealerId).OnDelete(DeleteBehavior.SetNull);
            agent.ComplexProperty(a => a.Notifications);
        });
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("AgentClaims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("AgentLogins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("AgentTokens");

        builder.Entity<DealerGroup>(group => group.Property(g => g.Name).HasMaxLength(200));

        builder.Entity<Dealer>(dealer =>
        {
            dealer.Property(d => d.Name).HasMaxLength(200);
            dealer.Property(d => d.TimeZone).HasMaxLength(64);
            dealer.Property(d => d.WidgetKey).HasMaxLength(64);
            dealer.Property(d => d.LeadEmail).HasMaxLength(256);
            dealer.HasIndex(d => d.WidgetKey).IsUnique();
            dealer.HasOne<DealerGroup>().WithMany().HasForeignKey(d => d.GroupId).OnDelete(DeleteBehavior.Restrict);
            dealer.ComplexProperty(d => d.Address, address =>
            {
                address.Property(a => a.Street).HasMaxLength(200).HasDefaultValue("");
                address.Property(a => a.City).HasMaxLength(100).HasDefaultValue("");
                address.Property(a => a.Region).HasMaxLength(100).HasDefaultValue("");
                address.Property(a => a.PostalCode).HasMaxLength(20).HasDefaultValue("");
                address.Property(a => a.Country).HasMaxLength(100).HasDefaultValue("");
            });
            // No database defaults here (an enum's sentinel would turn an inserted Hidden into the default); the
            // migration gives the dealers that existed before widget settings today's widget, unchanged.
            dealer.ComplexProperty(d => d.Widget, widget =>
            {
                widget.Property(w => w.AccentColor).HasMaxLength(7);
                widget.Property(w => w.Greeting).HasMaxLength(WidgetSettings.GreetingMax);
                widget.Property(w => w.LauncherPosition).HasConversion<string>().HasMaxLength(8);
                widget.Property(w => w.LauncherLabel).HasMaxLength(WidgetSettings.LauncherLabelMax);
                widget.Property(w => w.NameField).HasConversion<string>().HasMaxLength(8);
                widget.Property(w => w.EmailField).HasConversion<string>().HasMaxLength(8);
                widget.Property(w => w.PhoneField).HasConversion<string>().HasMaxLength(8);
                widget.Property(w => w.OfflineMessage).HasMaxLength(WidgetSettings.OfflineMessageMax);
            });
        });

        builder.Entity<HolidayClosure>(holiday =>
        {
            holiday.Property(h => h.Name).HasMaxLength(100);
            holiday.HasIndex(h => new { h.DealerId, h.Date }).IsUnique();
            holiday.HasOne<Dealer>().WithMany().HasForeignKey(h => h.DealerId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<People.Invitation>(invitation =>
        {
            invitation.Property(i => i.Email).HasMaxLength(256);
            invitation.Property(i => i.FirstName).HasMaxLength(100);
            invitation.Property(i => i.LastName).HasMaxLength(100);
            invitation.Property(i => i.Role).HasConversion<string>().HasMaxLength(16);
            invitation.Property(i => i.TokenHash).HasMaxLength(64);
            invitation.HasIndex(i => i.TokenHash).IsUnique();
            invitation.HasIndex(i => i.Email);
        });

        builder.Entity<Audit.AuditEntry>(entry =>
        {
            entry.Property(e => e.ActorName).HasMaxLength(200);
            entry.Property(e => e.Action).HasMaxLength(64);
            entry.Property(e => e.TargetType).HasMaxLength(32);
            entry.Property(e => e.TargetId).HasMaxLength(64);
            entry.Property(e => e.TargetName).HasMaxLength(300);
            entry.HasIndex(e => new { e.DealerId, e.Id });
            entry.HasIndex(e => e.Action);
        });

        builder.Entity<Department>(department =>
        {
            department.Property(d => d.Name).HasMaxLength(100);
            department.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
            department.HasIndex(d => new { d.DealerId, d.Kind }).IsUnique();
            department.ComplexProperty(d => d.Routing, routing => routing.Property(r => r.Policy).HasConversion<string>().HasMaxLength(16));
            department.HasOne<Dealer>().WithMany().HasForeignKey(d => d.DealerId).OnDelete(DeleteBehavior.Cascade);
            department.OwnsMany(d => d.Hours, hours =>
            {
                hours.ToTable("DepartmentHours");
                hours.WithOwner().HasForeignKey("DepartmentId");
                hours.Property<int>("Id");
                hours.HasKey("Id");
            });
        });

        builder.Entity<DealerMembership>(membership =>
        {
            membership.HasKey(m => new { m.AgentId, m.DealerId });
            membership.HasIndex(m => m.DealerId);
            membership.HasOne<Agent>().WithMany().HasForeignKey(m => m.AgentId).OnDelete(DeleteBehavior.Cascade);
            membership.HasOne<Dealer>().WithMany().HasForeignKey(m => m.DealerId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AgentSession>(session =>
        {
            session.Property(s => s.Id).HasMaxLength(32);
            session.HasIndex(s => s.AgentId);
            session.HasOne<Agent>().WithMany().HasForeignKey(s => s.AgentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Notifications.ExtensionDevice>(device =>
        {
            device.Property(d => d.Name).HasMaxLength(100);
            device.Property(d => d.SecretHash).HasMaxLength(32);
            device.Property(d => d.AgentStamp).HasMaxLength(256);
            device.HasIndex(d => d.AgentId);
            device.HasOne<Agent>().WithMany().HasForeignKey(d => d.AgentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Notifications.WebPushSubscription>(subscription =>
        {
            subscription.Property(s => s.Endpoint).HasMaxLength(2048);
            subscription.Property(s => s.P256dh).HasMaxLength(128);
            subscription.Property(s => s.Auth).HasMaxLength(64);
            subscription.HasIndex(s => s.Endpoint).IsUnique();
            subscription.HasIndex(s => s.AgentId);
            subscription.HasOne<Agent>().WithMany().HasForeignKey(s => s.AgentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Notifications.ServerKey>(key =>
        {
            key.HasKey(k => k.Name);
            key.Property(k => k.Name).HasMaxLength(32);
            key.Property(k => k.Value).HasMaxLength(4096);
        });

        builder.Entity<AgentState>(state =>
        {
            state.HasKey(s => s.AgentId);
            state.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
            state.Property(s => s.Cause).HasConversion<string>().HasMaxLength(16);
            state.Ignore(s => s.Shown);
            state.HasOne<Agent>().WithOne().HasForeignKey<AgentState>(s => s.AgentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ConnectionLease>(lease =>
        {
            lease.HasKey(l => l.ConnectionId);
            lease.Property(l => l.ConnectionId).HasMaxLength(64);
            lease.Property(l => l.NodeId).HasMaxLength(64);
            lease.HasIndex(l => l.AgentId);
            lease.HasIndex(l => l.NodeId);
        });

        builder.Entity<StatusChange>(change =>
        {
            change.Property(c => c.From).HasConversion<string>().HasMaxLength(16);
            change.Property(c => c.To).HasConversion<string>().HasMaxLength(16);
            change.Property(c => c.Cause).HasConversion<string>().HasMaxLength(16);
            change.HasIndex(c => new { c.AgentId, c.At });
            change.HasOne<Agent>().WithMany().HasForeignKey(c => c.AgentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Conversation>(conversation =>
        {
            conversation.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            conversation.Property(c => c.Department).HasConversion<string>().HasMaxLength(16);
            conversation.Property(c => c.ShopperName).HasMaxLength(100);
            conversation.Property(c => c.ShopperEmail).HasMaxLength(256);
            conversation.Property(c => c.ShopperPhone).HasMaxLength(40);
            conversation.Property(c => c.PageUrl).HasMaxLength(2048);
            conversation.Property(c => c.PageTitle).HasMaxLength(300);
            conversation.Property(c => c.ShopperIp).HasMaxLength(45);
            conversation.OwnsOne(c => c.Vehicle, vehicle => vehicle.ToJson());
            conversation.OwnsMany(c => c.PagesVisited, pages => pages.ToJson());
            conversation.ComplexProperty(c => c.Routing);
            conversation.HasIndex(c => new { c.Status, c.DealerId });
            conversation.HasIndex(c => new { c.DealerId, c.VisitorId, c.Status });
            conversation.HasOne<Dealer>().WithMany().HasForeignKey(c => c.DealerId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ChatOffer>(offer =>
        {
            offer.Property(o => o.Kind).HasConversion<string>().HasMaxLength(16);
            offer.Property(o => o.State).HasConversion<string>().HasMaxLength(16);
            offer.Property(o => o.Note).HasMaxLength(1000);
            offer.Property(o => o.ToDepartment).HasConversion<string>().HasMaxLength(16);
            offer.HasIndex(o => new { o.AgentId, o.State });
            offer.HasIndex(o => new { o.ConversationId, o.State });
            offer.HasOne<Conversation>().WithMany().HasForeignKey(o => o.ConversationId).OnDelete(DeleteBehavior.Cascade);
            offer.HasOne<Agent>().WithMany().HasForeignKey(o => o.AgentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<RoutingEvent>(e =>
        {
            e.Property(x => x.Step).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.DealerId, x.At });
            e.HasIndex(x => x.ConversationId);
            e.HasOne<Conversation>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Canned.CannedResponse>(canned =>
        {
            canned.Property(c => c.Shortcut).HasMaxLength(32);
            canned.HasIndex(c => new { c.AgentId, c.Shortcut });
            canned.HasIndex(c => new { c.DealerId, c.Shortcut });
            canned.HasOne<Dealer>().WithMany().HasForeignKey(c => c.DealerId).OnDelete(DeleteBehavior.Cascade);
            canned.HasOne<Agent>().WithMany().HasForeignKey(c => c.AgentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Internal.InternalThread>(thread =>
        {
            thread.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
            thread.HasIndex(t => new { t.AgentA, t.AgentB }).IsUnique();
            thread.HasIndex(t => t.DealerId);
            thread.HasOne<Dealer>().WithMany().HasForeignKey(t => t.DealerId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Internal.InternalMessage>(message =>
        {
            message.Property(m => m.ClientMessageId).HasMaxLength(64);
            message.Property(m => m.Text).HasMaxLength(MessageStore.MaxLength);
            message.HasIndex(m => new { m.ThreadId, m.ClientMessageId }).IsUnique();
            message.HasIndex(m => new { m.ThreadId, m.Seq }).IsUnique();
            message.HasOne<Internal.InternalThread>().WithMany().HasForeignKey(m => m.ThreadId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Internal.InternalReadMark>(mark =>
        {
            mark.HasKey(r => new { r.ThreadId, r.AgentId });
            mark.HasOne<Internal.InternalThread>().WithMany().HasForeignKey(r => r.ThreadId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PrivateNote>(note =>
        {
            note.Property(n => n.ClientNoteId).HasMaxLength(64);
            note.HasIndex(n => new { n.ConversationId, n.ClientNoteId }).IsUnique();
            note.HasOne<Conversation>().WithMany().HasForeignKey(n => n.ConversationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<VisitorBlock>(block =>
        {
            block.Property(b => b.Ip).HasMaxLength(45);
            block.Property(b => b.Reason).HasMaxLength(500);
            block.HasIndex(b => new { b.DealerId, b.VisitorId });
            block.HasIndex(b => new { b.DealerId, b.Ip });
            block.HasOne<Dealer>().WithMany().HasForeignKey(b => b.DealerId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Lead>(lead =>
        {
            lead.Property(l => l.Department).HasConversion<string>().HasMaxLength(16);
            lead.Property(l => l.Name).HasMaxLength(100);
            lead.Property(l => l.Email).HasMaxLength(256);
            lead.Property(l => l.Phone).HasMaxLength(40);
            lead.Property(l => l.Message).HasMaxLength(MessageStore.MaxLength);
            lead.Property(l => l.PageUrl).HasMaxLength(2048);
            lead.OwnsOne(l => l.Vehicle, vehicle => vehicle.ToJson());
            lead.HasIndex(l => new { l.DealerId, l.CreatedAt });
            lead.HasOne<Dealer>().WithMany().HasForeignKey(l => l.DealerId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ChatMessage>(message =>
        {
            message.ToTable("Messages");
            message.Property(m => m.ClientMessageId).HasMaxLength(64);
            message.Property(m => m.Sender).HasConversion<string>().HasMaxLength(16);
            message.Property(m => m.Text).HasMaxLength(MessageStore.MaxLength);
            message.HasIndex(m => new { m.ConversationId, m.ClientMessageId }).IsUnique();
            message.HasIndex(m => new { m.ConversationId, m.Seq }).IsUnique();
            message.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<DepartmentMembership>(membership =>
        {
            membership.HasKey(m => new { m.AgentId, m.DepartmentId });
            membership.HasIndex(m => new { m.DealerId, m.DepartmentId });
            membership.HasOne<Agent>().WithMany().HasForeignKey(m => m.AgentId).OnDelete(DeleteBehavior.Cascade);
            membership.HasOne<Department>().WithMany().HasForeignKey(m => m.DepartmentId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

public sealed class SqliteShowroomDb(DbContextOptions<SqliteShowroomDb> options) : ShowroomDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset natively; stored as a long (ticks with the offset),
        // which sorts and compares correctly because every time Showroom stores comes from GetUtcNow().
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresShowroomDb(DbContextOptions<PostgresShowroomDb> options) : ShowroomDb(options);
