"""Coordinators in the window: who is using the program, verification, targets and plans.

``menu.install_coordination_actions`` gives each main window its Koordinator menu and the
current ``services.access.Actor``; the screens here take that actor and pass it to the
coordinator services, which check every permission themselves.
"""
