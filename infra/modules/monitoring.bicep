// Where the bot's logs and telemetry go: a Log Analytics workspace and a workspace-based
// Application Insights resource on top of it.

@description('Base name for the resources.')
param name string

@description('Azure region.')
param location string

@description('Days to keep logs. The bot logs ids only (no names or message text), see bot/log.ts.')
@minValue(30)
param retentionInDays int = 30

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
  }
}

output workspaceId string = workspace.id
output appInsightsConnectionString string = appInsights.properties.ConnectionString
