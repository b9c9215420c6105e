// Where the bot's logs and telemetry go, and what raises an alarm: a Log Analytics
// workspace receiving the App Service's console (the bot's pino JSON lines), HTTP and
// platform logs; workspace-based Application Insights with local (key) auth off, fed by
// the App Service agent signed in as the bot's identity; and the alerts (alerts.bicep)
// for server errors, restarts and failed broadcasts. Saved queries: docs/operations.md.

@description('Base name for the resources.')
param name string

@description('Azure region.')
param location string

@description('The App Service that runs the bot (its logs and metrics are watched).')
param siteName string

@description('Principal (object) id of the bot\'s managed identity: given Monitoring Metrics Publisher, so it can send telemetry without a key.')
param publisherPrincipalId string

@description('Where alerts are emailed; empty = none (alerts still show in the portal).')
param alertEmailAddress string

@description('Days to keep logs. The bot logs ids only (no names or message text), see bot/log.ts.')
@minValue(30)
param retentionInDays int = 30

resource site 'Microsoft.Web/sites@2023-12-01' existing = {
  name: siteName
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    // Telemetry is accepted only from Entra-authenticated senders (the bot's identity).
    DisableLocalAuth: true
  }
}

// Monitoring Metrics Publisher: despite the name, it may publish all telemetry.
var metricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'

resource publisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, publisherPrincipalId, metricsPublisherRoleId)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', metricsPublisherRoleId)
    principalId: publisherPrincipalId
    // Stated, so Azure does not look the new identity up in Entra ID, which can fail
    // while it is still replicating ("principal not found") on a first deployment.
    principalType: 'ServicePrincipal'
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspace.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

module alerts 'alerts.bicep' = {
  name: 'alerts'
  params: {
    name: name
    location: location
    siteName: site.name
    workspaceId: workspace.id
    alertEmailAddress: alertEmailAddress
  }
}

output workspaceId string = workspace.id
output workspaceName string = workspace.name
output appInsightsConnectionString string = appInsights.properties.ConnectionString
