"""Admin asks staff for their second factor.

Staff reach admin only when this session passed two-step verification (django-otp's
OTPAdminSite rule: `request.user.is_verified()`). Admin has no log-in form of its own:
its log-in page sends people to the site's, which asks for the password, then for the
code, under the same lockout and rate limits; a staff member without an authenticator
yet is sent to set one up.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_otp.admin import OTPAdminSite

from accounts.two_factor import has_confirmed_device


class StaffAdminSite(OTPAdminSite):
    def __init__(self, name="admin"):
        super().__init__(name)

    def login(self, request, extra_context=None):
        next_url = request.GET.get("next") or reverse("admin:index", current_app=self.name)
        user = request.user
        if user.is_active and user.is_staff and not user.is_verified():
            if not has_confirmed_device(user):
                messages.info(
                    request, _("Staff need two-step verification for admin. Set it up here.")
                )
                return redirect("two_factor")
            messages.info(request, _("Log in again with your code to open admin."))
        if user.is_authenticated and self.has_permission(request):
            return redirect(next_url)
        # The site's log-in checks the next address itself.
        return redirect(f"{reverse('login')}?{urlencode({'next': next_url})}")
