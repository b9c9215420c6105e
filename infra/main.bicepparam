// Parameters for `az deployment group create --parameters infra/main.bicepparam` (and the
// deploy workflow): every parameter of main.bicep but location, at its default. The four
// that differ per deployment are read from environment variables of the same names the
// Agents Toolkit uses in env/.env.dev (which feeds infra/main.parameters.json instead).
// docs/deploy.md says what each parameter means.
using './main.bicep'

// Keep it once deployed: resource names derive from it.
param name = readEnvironmentVariable('RESOURCE_BASE_NAME', 'nlc-bot')

// The Entra object ids of the organisers, comma-separated, e.g. from
// az ad user show --id someone@example.org --query id -o tsv
param organiserAadIds = readEnvironmentVariable('ORGANISER_AAD_IDS', '')

// Who is emailed when an alert fires.
param alertEmailAddress = readEnvironmentVariable('ALERT_EMAIL_ADDRESS', '')

// The Entra tenant ids whose Teams may use the bot, comma-separated; empty = the managed
// identity's own tenant.
param allowedTenantIds = readEnvironmentVariable('ALLOWED_TENANT_IDS', '')

// The organiser tab's app registration (client id); docs/deploy.md registers it.
param tabAppId = readEnvironmentVariable('TAB_APP_ID', '')

param appServiceSku = 'B1'
param instanceCount = 1
param nodeVersion = 'NODE|22-lts'
param nodeHeapMb = 128
param cosmosServerless = true
param cosmosAutoscaleMaxThroughput = 1000
param cosmosDatabaseName = 'nlc'
param botSku = 'F0'
param botDisplayName = 'NLC'
param logLevel = 'info'
param broadcastMaxRps = 50
param broadcastConcurrency = 16
param reminderTime = '09:00'
param retentionDays = 365
param graphInstall = false
param teamsAppCatalogId = ''
